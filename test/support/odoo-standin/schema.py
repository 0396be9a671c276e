"""Field sets of the stand-in's models, per Odoo major version.

Only what Kontá's connector touches is modelled. The version differences mirror real Odoo:
storable products are `detailed_type='product'` in 16 and 17 and `type='consu'` plus
`is_storable=True` from 18; sale order lines name their unit `product_uom` up to 18 and
`product_uom_id` from 19 (taxes: `tax_id` then `tax_ids`).
"""


def char(string, required=False):
    return {"type": "char", "string": string, "required": required}


def m2o(string, relation, required=False):
    return {"type": "many2one", "string": string, "relation": relation, "required": required}


def o2m(string, relation, inverse):
    return {"type": "one2many", "string": string, "relation": relation,
            "relation_field": inverse, "required": False}


def m2m(string, relation):
    return {"type": "many2many", "string": string, "relation": relation, "required": False}


def num(string, kind="float", readonly=False):
    return {"type": kind, "string": string, "required": False, "readonly": readonly}


def boolean(string):
    return {"type": "boolean", "string": string, "required": False}


def selection(string, values, required=False):
    return {"type": "selection", "string": string, "selection": values, "required": required}


def product_type_fields(version):
    if version >= 18:
        return {
            "type": selection("Product Type",
                              [["consu", "Goods"], ["service", "Service"], ["combo", "Combo"]]),
            "is_storable": boolean("Track Inventory"),
        }
    return {
        "type": selection("Type", [["consu", "Consumable"], ["service", "Service"],
                                   ["product", "Storable Product"]]),
        "detailed_type": selection("Product Type", [["consu", "Consumable"],
                                                    ["service", "Service"],
                                                    ["product", "Storable Product"]]),
    }


def sale_line_fields(version):
    uom = "product_uom_id" if version >= 19 else "product_uom"
    tax = "tax_ids" if version >= 19 else "tax_id"
    return {
        "order_id": m2o("Order Reference", "sale.order", required=True),
        "product_id": m2o("Product", "product.product"),
        "name": {"type": "text", "string": "Description", "required": False},
        "product_uom_qty": num("Quantity"),
        uom: m2o("Unit of Measure", "uom.uom"),
        tax: m2m("Taxes", "account.tax"),
        "price_unit": num("Unit Price"),
        "qty_delivered": num("Delivery Quantity"),
    }


def sale_order_states(version):
    states = [["draft", "Quotation"], ["sent", "Quotation Sent"], ["sale", "Sales Order"]]
    if version <= 16:
        states.append(["done", "Locked"])
    return states + [["cancel", "Cancelled"]]


def build_schema(version):
    product_common = {
        "name": char("Name", required=True),
        "default_code": char("Internal Reference"),
        "barcode": char("Barcode"),
        "sale_ok": boolean("Can be Sold"),
        "active": boolean("Active"),
        "uom_id": m2o("Unit of Measure", "uom.uom"),
        "description_sale": {"type": "text", "string": "Sales Description", "required": False},
        **product_type_fields(version),
    }
    return {
        "uom.uom": {"name": char("Unit of Measure", required=True)},
        "res.partner": {
            "name": char("Name", required=True),
            "email": char("Email"),
            "phone": char("Phone"),
            "lang": char("Language"),
            "customer_rank": num("Customer Rank", "integer"),
            "comment": {"type": "html", "string": "Notes", "required": False},
        },
        "product.template": {
            **product_common,
            "list_price": num("Sales Price"),
            "product_variant_ids": o2m("Products", "product.product", "product_tmpl_id"),
        },
        "product.product": {
            **product_common,
            "product_tmpl_id": m2o("Product Template", "product.template"),
            "lst_price": num("Sales Price"),
            "qty_available": num("Quantity On Hand", readonly=True),
            "virtual_available": num("Forecasted Quantity", readonly=True),
            "free_qty": num("Free To Use Quantity", readonly=True),
        },
        "stock.quant": {
            "product_id": m2o("Product", "product.product", required=True),
            "quantity": num("Quantity", readonly=True),
            "reserved_quantity": num("Reserved Quantity", readonly=True),
        },
        "sale.order": {
            "name": char("Order Reference"),
            "partner_id": m2o("Customer", "res.partner", required=True),
            "client_order_ref": char("Customer Reference"),
            "origin": char("Source Document"),
            "note": {"type": "html", "string": "Terms and conditions", "required": False},
            "state": selection("Status", sale_order_states(version)),
            "order_line": o2m("Order Lines", "sale.order.line", "order_id"),
            "amount_total": num("Total", "monetary", readonly=True),
        },
        "sale.order.line": sale_line_fields(version),
        "mrp.bom": {
            "product_tmpl_id": m2o("Product", "product.template", required=True),
            "product_id": m2o("Product Variant", "product.product"),
            "product_qty": num("Quantity"),
            "bom_line_ids": o2m("BoM Lines", "mrp.bom.line", "bom_id"),
        },
        "mrp.bom.line": {
            "bom_id": m2o("Parent BoM", "mrp.bom", required=True),
            "product_id": m2o("Component", "product.product", required=True),
            "product_qty": num("Quantity"),
        },
        "mrp.production": {
            "name": char("Reference"),
            "product_id": m2o("Product", "product.product", required=True),
            "product_qty": num("Quantity To Produce"),
            "qty_produced": num("Quantity Produced", readonly=True),
            "bom_id": m2o("Bill of Material", "mrp.bom"),
            "origin": char("Source"),
            "date_finished": {"type": "datetime", "string": "End", "required": False},
            "state": selection("State", [["draft", "Draft"], ["confirmed", "Confirmed"],
                                         ["progress", "In Progress"],
                                         ["to_close", "To Close"], ["done", "Done"],
                                         ["cancel", "Cancelled"]]),
        },
    }


MODEL_LABELS = {
    "uom.uom": "Product Unit of Measure",
    "res.partner": "Contact",
    "product.template": "Product",
    "product.product": "Product Variant",
    "stock.quant": "Quants",
    "sale.order": "Sales Order",
    "sale.order.line": "Sales Order Line",
    "mrp.bom": "Bill of Material",
    "mrp.bom.line": "Bill of Material Line",
    "mrp.production": "Production Order",
}
