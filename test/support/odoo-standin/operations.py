"""Business behaviour of the stand-in: confirming sale orders, make-to-order manufacturing,
finishing production, and stock quantities derived from on-hand, sales and production."""

import datetime

from domain import matches
from errors import MissingError, UserError

OPEN_MO_STATES = {"confirmed", "progress", "to_close"}


def now_text():
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")


class Operations:
    """Mixed into `orm.Database`; uses its records, sequences and ORM methods."""

    def is_storable(self, product_id):
        tmpl = self.records["product.template"][
            self.records["product.product"][product_id]["product_tmpl_id"]]
        if self.version >= 18:
            return bool(tmpl.get("is_storable"))
        return tmpl.get("detailed_type") == "product"

    def _stock_of(self, product_id):
        onhand = self.onhand.get(product_id, 0.0)
        outgoing = 0.0
        for line in self.records["sale.order.line"].values():
            order = self.records["sale.order"][line["order_id"]]
            if line.get("product_id") == product_id and order["state"] in ("sale", "done"):
                outgoing += line["product_uom_qty"] - line.get("qty_delivered", 0.0)
        incoming = sum(mo["product_qty"] for mo in self.records["mrp.production"].values()
                       if mo["product_id"] == product_id and mo["state"] in OPEN_MO_STATES)
        reserved = max(0.0, min(onhand, outgoing))
        return {"qty_available": onhand, "free_qty": onhand - reserved,
                "virtual_available": onhand - outgoing + incoming, "reserved": reserved}

    def action_confirm(self, model, ids):
        if model != "sale.order":
            raise AttributeError(f"type object '{model}' has no attribute 'action_confirm'")
        self._model(model)
        orders = self._existing(model, ids)
        not_draft = [o["name"] for o in orders if o["state"] not in ("draft", "sent")]
        if not_draft:
            raise UserError("The following orders are not in a state requiring confirmation: "
                            + ", ".join(not_draft))
        for order in orders:
            order["state"] = "sale"
            order["write_date"] = now_text()
            self._make_to_order(order)
        return None if self.confirm_returns_none else True

    def _make_to_order(self, order):
        """Confirmed lines of products with a BoM start a manufacturing order (MTO route)."""
        for line_id in self.raw_value("sale.order", order, "order_line"):
            line = self.records["sale.order.line"][line_id]
            bom = self._bom_for(line.get("product_id"))
            if bom:
                self._insert("mrp.production", {
                    "name": f"WH/MO/{self.seq['mrp.production'] + 1:05d}",
                    "product_id": line["product_id"], "product_qty": line["product_uom_qty"],
                    "qty_produced": 0.0, "bom_id": bom["id"], "origin": order["name"],
                    "state": "confirmed", "date_finished": False})

    def _bom_for(self, product_id):
        if not product_id:
            return None
        tmpl_id = self.records["product.product"][product_id]["product_tmpl_id"]
        for bom in self.records["mrp.bom"].values():
            if bom.get("product_id") == product_id or (
                    not bom.get("product_id") and bom["product_tmpl_id"] == tmpl_id):
                return bom
        return None

    def button_mark_done(self, model, ids):
        if model != "mrp.production":
            raise AttributeError(f"type object '{model}' has no attribute 'button_mark_done'")
        self._model(model)
        for mo in self._existing(model, ids):
            self.finish_production(mo)
        return True

    def finish_production(self, mo):
        if mo["state"] in ("done", "cancel"):
            raise UserError(f"The production order {mo['name']} is already {mo['state']}.")
        qty = mo["product_qty"]
        bom = self.records["mrp.bom"].get(mo.get("bom_id") or 0)
        if bom:
            factor = qty / (bom.get("product_qty") or 1.0)
            for line_id in self.raw_value("mrp.bom", bom, "bom_line_ids"):
                line = self.records["mrp.bom.line"][line_id]
                pid = line["product_id"]
                self.onhand[pid] = self.onhand.get(pid, 0.0) - line["product_qty"] * factor
        self.onhand[mo["product_id"]] = self.onhand.get(mo["product_id"], 0.0) + qty
        mo.update({"state": "done", "qty_produced": qty, "date_finished": now_text(),
                   "write_date": now_text()})

    # -- stock.quant is derived from on-hand quantities ----------------------------------------

    def _quant_ids(self, domain):
        self.records["stock.quant"] = {}
        for pid, qty in sorted(self.onhand.items()):
            stock = self._stock_of(pid)
            self.records["stock.quant"][pid] = {"id": pid, "product_id": pid, "quantity": qty,
                                                "reserved_quantity": stock["reserved"]}
        return [rid for rid, rec in self.records["stock.quant"].items()
                if matches(domain, lambda f, r=rec: r.get(f, False))]

    def set_stock(self, default_code, qty):
        ids = self.search("product.product", [["default_code", "=", default_code]])
        if not ids:
            raise MissingError("product.product", [default_code])
        self.onhand[ids[0]] = float(qty)
        return ids[0]
