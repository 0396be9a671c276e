"""An in-memory imitation of the slice of Odoo's ORM that Kontá's connector uses.

Records are dicts of raw values (many2one = id or False, x2many = list of ids). Reads return
Odoo's wire shapes: many2one as `[id, display_name]`, missing values as `False`.
"""

from domain import matches, raw_id
from errors import AccessError, MissingError, ValidationError
from operations import Operations, now_text
from schema import MODEL_LABELS, build_schema

TEMPLATE_FIELDS = {"name", "list_price", "lst_price", "type", "detailed_type", "is_storable",
                   "sale_ok", "uom_id", "description_sale"}
COMPUTED_STOCK = {"qty_available", "virtual_available", "free_qty"}
COMMON_FIELDS = {"id", "display_name", "create_date", "write_date"}


class Database(Operations):
    def __init__(self, version, confirm_returns_none=False, denied_models=()):
        self.version = version
        self.schema = build_schema(version)
        self.confirm_returns_none = confirm_returns_none
        self.denied = set(denied_models)
        self.records = {model: {} for model in self.schema}
        self.seq = {model: 0 for model in self.schema}
        self.onhand = {}
        self.calls = []
        self._insert("uom.uom", {"name": "Units"})

    # -- persistence -------------------------------------------------------------------------

    def dump(self):
        return {"records": {m: {str(k): v for k, v in r.items()} for m, r in self.records.items()},
                "seq": self.seq, "onhand": {str(k): v for k, v in self.onhand.items()}}

    def load(self, state):
        self.records = {m: {int(k): v for k, v in r.items()}
                        for m, r in state["records"].items()}
        self.seq = state["seq"]
        self.onhand = {int(k): v for k, v in state["onhand"].items()}

    # -- helpers -----------------------------------------------------------------------------

    def _model(self, model):
        if model not in self.schema:
            raise KeyError(model)
        if model in self.denied:
            label = MODEL_LABELS.get(model, model)
            raise AccessError(
                f"You are not allowed to access '{label}' ({model}) records.\n\n"
                "Contact your administrator to request access if necessary.")
        return self.schema[model]

    def _insert(self, model, vals):
        self.seq[model] += 1
        rid = self.seq[model]
        stamp = now_text()
        self.records[model][rid] = {"id": rid, "create_date": stamp, "write_date": stamp, **vals}
        return rid

    def _existing(self, model, ids):
        missing = [i for i in ids if i not in self.records[model]]
        if missing:
            raise MissingError(model, missing)
        return [self.records[model][i] for i in ids]

    def _check_vals(self, model, vals, creating):
        fields = self.schema[model]
        for name, value in vals.items():
            if name not in fields:
                raise ValueError(f"Invalid field '{name}' on model '{model}'")
            spec = fields[name]
            if spec["type"] == "selection" and value is not False:
                allowed = [key for key, _ in spec["selection"]]
                if value not in allowed:
                    raise ValueError(f"Wrong value for {model}.{name}: {value!r}")
            if spec["type"] == "many2one" and value:
                if raw_id(value) not in self.records[spec["relation"]]:
                    raise MissingError(spec["relation"], [raw_id(value)])
        if creating:
            for name, spec in fields.items():
                if spec.get("required") and not vals.get(name):
                    raise ValidationError(
                        "The operation cannot be completed:\n"
                        f"- Create/update: a mandatory field is not set.\n"
                        f"- Model: {MODEL_LABELS.get(model, model)} ({model}), Field: {name}")

    # -- values as Odoo returns them ---------------------------------------------------------

    def display_name(self, model, rid):
        rec = self.records[model].get(rid)
        if rec is None:
            return ""
        if model == "product.product":
            tmpl = self.records["product.template"][rec["product_tmpl_id"]]
            code = rec.get("default_code")
            return f"[{code}] {tmpl['name']}" if code else tmpl["name"]
        return rec.get("name") or f"{model},{rid}"

    def raw_value(self, model, rec, name):
        if model == "product.product" and name in TEMPLATE_FIELDS:
            tmpl = self.records["product.template"][rec["product_tmpl_id"]]
            return tmpl.get("list_price", 0.0) if name == "lst_price" else tmpl.get(name, False)
        if model == "product.product" and name in COMPUTED_STOCK:
            return self._stock_of(rec["id"])[name]
        if model == "product.template" and name == "default_code":
            variants = self._variants(rec["id"])
            return variants[0].get("default_code", False) if len(variants) == 1 else False
        if model == "product.template" and name == "product_variant_ids":
            return [v["id"] for v in self._variants(rec["id"])]
        if model == "sale.order" and name == "order_line":
            return [line["id"] for line in self.records["sale.order.line"].values()
                    if line["order_id"] == rec["id"]]
        if model == "mrp.bom" and name == "bom_line_ids":
            return [line["id"] for line in self.records["mrp.bom.line"].values()
                    if line["bom_id"] == rec["id"]]
        if model == "sale.order" and name == "amount_total":
            return sum(self.records["sale.order.line"][i]["product_uom_qty"] *
                       self.records["sale.order.line"][i]["price_unit"]
                       for i in self.raw_value(model, rec, "order_line"))
        if name == "display_name":
            return self.display_name(model, rec["id"])
        return rec.get(name, False)

    def wire_value(self, model, rec, name):
        value = self.raw_value(model, rec, name)
        spec = self.schema[model].get(name)
        if spec and spec["type"] == "many2one":
            return [value, self.display_name(spec["relation"], value)] if value else False
        return False if value is None else value

    def _variants(self, tmpl_id):
        return [p for p in self.records["product.product"].values()
                if p["product_tmpl_id"] == tmpl_id]

    # -- ORM methods ---------------------------------------------------------------------------

    def search(self, model, domain=(), offset=0, limit=None, order=None):
        self._model(model)
        found = [rid for rid, rec in self.records[model].items()
                 if matches(domain, lambda f, r=rec: self.raw_value(model, r, f))]
        if model == "stock.quant":
            found = self._quant_ids(domain)
        reverse = bool(order and "desc" in order.lower())
        key = (order or "id").split()[0]
        found.sort(key=lambda rid: self._sort_key(model, rid, key), reverse=reverse)
        found = found[offset:]
        return found[:limit] if limit else found

    def _sort_key(self, model, rid, key):
        value = self.raw_value(model, self.records[model][rid], key)
        return (value is False, value if value is not False else 0)

    def context_get(self, model):
        return {"lang": "en_US", "tz": "Europe/Madrid", "uid": 2}

    def search_count(self, model, domain=(), limit=None):
        return len(self.search(model, domain, limit=limit))

    def read(self, model, ids, fields=None, load="_classic_read"):
        spec = self._model(model)
        wanted = fields or list(spec) + ["display_name"]
        for name in wanted:
            if name not in spec and name not in COMMON_FIELDS:
                raise ValueError(f"Invalid field '{name}' on model '{model}'")
        rows = []
        for rid in ids:
            rec = self.records[model].get(rid)
            if rec is None:
                continue
            row = {"id": rid}
            for name in wanted:
                row[name] = self.wire_value(model, rec, name)
            rows.append(row)
        return rows

    def search_read(self, model, domain=(), fields=None, offset=0, limit=None, order=None):
        return self.read(model, self.search(model, domain, offset, limit, order), fields)

    def fields_get(self, model, allfields=None, attributes=None):
        spec = self._model(model)
        every = {"id": {"type": "integer", "string": "ID", "readonly": True},
                 "display_name": {"type": "char", "string": "Display Name", "readonly": True},
                 "write_date": {"type": "datetime", "string": "Last Updated on"},
                 **spec}
        names = allfields or list(every)
        out = {}
        for name in names:
            if name not in every:
                continue
            desc = {"readonly": False, "required": False, **every[name]}
            out[name] = {k: v for k, v in desc.items() if not attributes or k in attributes}
        return out

    def create(self, model, vals_list):
        self._model(model)
        single = isinstance(vals_list, dict)
        ids = [self._create_one(model, dict(vals)) for vals in
               ([vals_list] if single else vals_list)]
        return ids[0] if single else ids

    def _create_one(self, model, vals):
        lines = vals.pop("order_line", []) if model == "sale.order" else []
        bom_lines = vals.pop("bom_line_ids", []) if model == "mrp.bom" else []
        self._check_vals(model, vals, creating=model not in ("product.product",))
        if model == "product.product":
            return self._create_product(vals)
        if model == "product.template":
            return self._create_template(vals)
        if model == "res.partner":
            vals.setdefault("customer_rank", 0)
        if model == "sale.order":
            vals.setdefault("name", f"S{self.seq['sale.order'] + 1:05d}")
            vals["state"] = "draft"
        if model == "sale.order.line":
            self._line_defaults(vals)
        if model == "mrp.production":
            vals.setdefault("name", f"WH/MO/{self.seq['mrp.production'] + 1:05d}")
            vals.setdefault("state", "draft")
            vals.setdefault("product_qty", 1.0)
            vals["qty_produced"] = 0.0
        rid = self._insert(model, vals)
        self._apply_commands(model, rid, "order_line", lines, "sale.order.line", "order_id")
        self._apply_commands(model, rid, "bom_line_ids", bom_lines, "mrp.bom.line", "bom_id")
        return rid

    def _line_defaults(self, vals):
        product = self._existing("product.product", [vals["product_id"]])[0] if vals.get(
            "product_id") else None
        vals.setdefault("product_uom_qty", 1.0)
        vals.setdefault("qty_delivered", 0.0)
        if product:
            vals.setdefault("name", self.display_name("product.product", product["id"]))
            vals.setdefault("price_unit", self.raw_value("product.product", product, "lst_price"))

    def _apply_commands(self, model, rid, field, commands, comodel, inverse):
        for command in commands or []:
            op = command[0]
            if op == 0:
                self._check_vals(comodel, command[2], creating=False)
                self._create_one(comodel, {**command[2], inverse: rid})
            elif op == 1:
                self.write(comodel, [command[1]], command[2])
            elif op == 2:
                self._existing(comodel, [command[1]])
                del self.records[comodel][command[1]]
            else:
                raise ValueError(f"Unsupported x2many command {op} on {model}.{field}")

    def _create_template(self, vals):
        code = vals.pop("default_code", False)
        barcode = vals.pop("barcode", False)
        self._template_defaults(vals)
        tmpl_id = self._insert("product.template", vals)
        self._insert("product.product", {"product_tmpl_id": tmpl_id, "default_code": code,
                                         "barcode": barcode, "active": True})
        return tmpl_id

    def _template_defaults(self, vals):
        if not vals.get("name"):
            raise ValidationError("The operation cannot be completed:\n"
                                  "- Create/update: a mandatory field is not set.\n"
                                  "- Model: Product (product.template), Field: name")
        vals.setdefault("type", "consu")
        if self.version < 18:
            vals.setdefault("detailed_type", vals["type"])
            vals["type"] = vals["detailed_type"]
        vals.setdefault("list_price", vals.pop("lst_price", 1.0))
        vals.setdefault("sale_ok", True)
        vals.setdefault("active", True)
        vals.setdefault("uom_id", 1)

    def _create_product(self, vals):
        tmpl_id = vals.pop("product_tmpl_id", False)
        own = {k: vals.pop(k) for k in ("default_code", "barcode", "active") if k in vals}
        if not tmpl_id:
            self._template_defaults(vals)
            tmpl_id = self._insert("product.template", vals)
        elif vals:
            self.write("product.template", [tmpl_id], vals)
        return self._insert("product.product",
                            {"product_tmpl_id": tmpl_id, "active": True, **own})

    def write(self, model, ids, vals):
        self._model(model)
        vals = dict(vals)
        lines = vals.pop("order_line", None) if model == "sale.order" else None
        self._check_vals(model, vals, creating=False)
        recs = self._existing(model, ids)
        for rec in recs:
            for name, value in vals.items():
                if name in COMPUTED_STOCK:
                    continue
                if model == "product.product" and name in TEMPLATE_FIELDS:
                    target = "list_price" if name == "lst_price" else name
                    self.records["product.template"][rec["product_tmpl_id"]][target] = value
                else:
                    rec[name] = raw_id(value) if self.schema[model][name][
                        "type"] == "many2one" else value
            rec["write_date"] = now_text()
            if lines is not None:
                self._apply_commands(model, rec["id"], "order_line", lines, "sale.order.line",
                                     "order_id")
        if model == "product.template" and self.version < 18 and "detailed_type" in vals:
            for rec in recs:
                rec["type"] = vals["detailed_type"]
        return True

    def unlink(self, model, ids):
        self._model(model)
        self._existing(model, ids)
        for rid in ids:
            del self.records[model][rid]
        return True

MODEL_METHODS = {"context_get", "search", "search_count", "search_read", "fields_get", "create"}
RECORD_METHODS = {"read", "write", "unlink", "action_confirm", "button_mark_done"}
