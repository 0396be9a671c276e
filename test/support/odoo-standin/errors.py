"""The exception classes the stand-in raises, named and numbered as Odoo's XML-RPC layer does.

`/xmlrpc/2` turns them into integer fault codes: 1 unexpected (the string is a traceback),
2 user error or missing record, 3 access denied, 4 access error.
"""

import traceback


class UserError(Exception):
    fault_code = 2
    http_status = 422
    qualified = "odoo.exceptions.UserError"


class ValidationError(UserError):
    qualified = "odoo.exceptions.ValidationError"


class MissingError(UserError):
    http_status = 404
    qualified = "odoo.exceptions.MissingError"

    def __init__(self, model, ids):
        listed = ", ".join(str(i) for i in ids)
        super().__init__(
            "Record does not exist or has been deleted.\n"
            f"(Record: {model}({listed},), User: 2)")


class AccessDenied(Exception):
    fault_code = 3
    http_status = 401
    qualified = "odoo.exceptions.AccessDenied"

    def __init__(self, message="Access Denied"):
        super().__init__(message)


class AccessError(Exception):
    fault_code = 4
    http_status = 403
    qualified = "odoo.exceptions.AccessError"


def fault_of(error):
    """(code, string) for an exception, as `xmlrpc_handle_exception_int` builds them."""
    code = getattr(error, "fault_code", 1)
    if code == 1:
        return 1, "".join(traceback.format_exception(error))
    return code, str(error)


def json2_error(error, context):
    """(status, body) for the JSON-2 endpoint's documented error object."""
    status = getattr(error, "http_status", 500)
    if isinstance(error, (TypeError, ValueError)):
        status = 422
    name = getattr(error, "qualified", f"builtins.{type(error).__name__}")
    message = str(error)
    return status, {
        "name": name,
        "message": message,
        "arguments": [message],
        "context": context or {},
        "debug": "".join(traceback.format_exception(error)),
    }
