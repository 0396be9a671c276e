#!/usr/bin/env python3
"""A stand-in for an Odoo server's external API, written with Python's standard library only,
so it shares no code with the client under test.

Endpoints:
  POST /xmlrpc/2/common          version(), authenticate(db, login, key, {})
  POST /xmlrpc/2/object          execute_kw(db, uid, key, model, method, args, kwargs)
  POST /json/2/<model>/<method>  Odoo 19 JSON-2 (Authorization: bearer <key>)
  GET  /web/version              {"version": ..., "version_info": [...]}
  POST /standin/<op>             test hooks (JSON): set_stock, finish_production, records,
                                 calls, create, drop_responses ({count} for the next answers,
                                 or {model, method, count} for answers of that call only)

Usage: odoo_standin.py --odoo-version 17 [--port 0] [--state-file f.json]
Prints one JSON line `{"port": N}` on stdout once it listens.
"""

import argparse
import json
import os
import socket
import sys
import threading
import xmlrpc.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from errors import AccessDenied, fault_of, json2_error  # noqa: E402
from orm import MODEL_METHODS, RECORD_METHODS, Database  # noqa: E402

LOCK = threading.Lock()
MUTATING = {"create", "write", "unlink", "action_confirm", "button_mark_done"}


class Standin:
    def __init__(self, args):
        self.args = args
        self.db = Database(args.odoo_version, args.confirm_returns_none, args.deny or [])
        self.drop_next = 0
        self.drop_rules = []
        self.drop_current = False
        if args.state_file and os.path.exists(args.state_file):
            with open(args.state_file, encoding="utf-8") as f:
                self.db.load(json.load(f))

    def save(self):
        if not self.args.state_file:
            return
        tmp = f"{self.args.state_file}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self.db.dump(), f)
        os.replace(tmp, self.args.state_file)

    def version_info(self):
        v = self.args.odoo_version
        return {"server_version": f"{v}.0", "server_version_info": [v, 0, 0, "final", 0, ""],
                "server_serie": f"{v}.0", "protocol_version": 1}

    def authenticate(self, db, login, key):
        if db != self.args.db:
            raise RuntimeError(f'connection failed: FATAL:  database "{db}" does not exist')
        return 2 if login == self.args.login and key == self.args.api_key else False

    def check_key(self, db, uid, key):
        if db != self.args.db:
            raise RuntimeError(f'connection failed: FATAL:  database "{db}" does not exist')
        if uid != 2 or key != self.args.api_key:
            raise AccessDenied()

    def execute(self, model, method, ids, args, kwargs):
        """Runs one ORM call; `ids` is None for model methods called positionally."""
        kwargs = {k: v for k, v in (kwargs or {}).items() if k != "context"}
        if method not in MODEL_METHODS | RECORD_METHODS:
            raise AttributeError(f"type object '{model}' has no attribute '{method}'")
        fn = getattr(self.db, method)
        self.db.calls.append([model, method])
        if method in RECORD_METHODS and ids is not None:
            result = fn(model, ids, *args, **kwargs)
        else:
            result = fn(model, *args, **kwargs)
        if method in MUTATING:
            self.save()
        for rule in self.drop_rules:
            if rule["model"] == model and rule["method"] == method and rule["count"] > 0:
                rule["count"] -= 1
                self.drop_current = True
        return result


def xmlrpc_common(standin, method, params):
    if method == "version":
        return standin.version_info()
    if method in ("authenticate", "login"):
        db, login, key = params[0], params[1], params[2]
        return standin.authenticate(db, login, key)
    raise AttributeError(f"'common' service has no method {method!r}")


def xmlrpc_object(standin, method, params):
    if method != "execute_kw":
        raise AttributeError(f"'object' service has no method {method!r}")
    db, uid, key, model, name = params[:5]
    args = params[5] if len(params) > 5 else []
    kwargs = params[6] if len(params) > 6 else {}
    standin.check_key(db, uid, key)
    result = standin.execute(model, name, None, list(args), kwargs)
    if result is None:
        # Odoo's dispatcher commits, then fails to marshal the None result.
        raise TypeError("cannot marshal None unless allow_none is enabled")
    return result


class Handler(BaseHTTPRequestHandler):
    server_version = "Werkzeug/3.0"

    def log_message(self, *args):
        return

    def _send(self, status, body, content_type, droppable=True):
        standin = self.server.standin
        with LOCK:
            drop = droppable and (standin.drop_next > 0 or self.__dict__.get("drop", False))
            if drop and not self.__dict__.get("drop", False):
                standin.drop_next -= 1
        if drop:
            # The call was committed; the client never hears back (a dropped connection).
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status, value, droppable=True):
        self._send(status, json.dumps(value).encode(), "application/json; charset=utf-8",
                   droppable)

    def do_GET(self):
        if self.path == "/web/version":
            info = self.server.standin.version_info()
            self._json(200, {"version_info": info["server_version_info"],
                             "version": info["server_version"]})
            return
        self._json(404, {"message": "Not Found"})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/json/2/"):
            self._json2(body)
        elif self.path.startswith("/standin/"):
            self._hook(body)
        elif self.path in ("/xmlrpc/2/common", "/xmlrpc/2/object"):
            self._xmlrpc(body)
        else:
            self._json(404, {"message": "Not Found"})

    def _xmlrpc(self, body):
        standin = self.server.standin
        try:
            params, method = xmlrpc.client.loads(body)
            handler = xmlrpc_common if self.path.endswith("common") else xmlrpc_object
            with LOCK:
                standin.drop_current = False
                try:
                    result = handler(standin, method, list(params))
                finally:
                    self.drop = standin.drop_current
            out = xmlrpc.client.dumps((result,), methodresponse=True, allow_none=False)
        except Exception as error:  # every failure becomes a fault, as in Odoo
            code, text = fault_of(error)
            out = xmlrpc.client.dumps(xmlrpc.client.Fault(code, text), allow_none=False)
        self._send(200, out.encode(), "text/xml; charset=utf-8")

    def _json2(self, body):
        standin = self.server.standin
        parts = self.path.split("?")[0].split("/")
        context = {}
        try:
            if len(parts) != 5:
                raise ValueError("expected /json/2/<model>/<method>")
            model, method = parts[3], parts[4]
            auth = self.headers.get("Authorization", "")
            database = self.headers.get("X-Odoo-Database", standin.args.db)
            if not auth.lower().startswith("bearer ") or auth[7:] != standin.args.api_key \
                    or database != standin.args.db:
                raise AccessDenied("Invalid apikey")
            payload = json.loads(body or b"{}")
            context = payload.pop("context", {}) or {}
            ids = payload.pop("ids", None)
            if method in RECORD_METHODS and ids is None:
                raise TypeError(f"{method}() missing 'ids'")
            with LOCK:
                standin.drop_current = False
                try:
                    result = standin.execute(model, method, ids, [], payload)
                finally:
                    self.drop = standin.drop_current
            self._json(200, result)
        except Exception as error:
            status, err = json2_error(error, context)
            self._json(status, err)

    def _hook(self, body):
        standin = self.server.standin
        op = self.path[len("/standin/"):]
        args = json.loads(body or b"{}")
        try:
            with LOCK:
                result = run_hook(standin, op, args)
            self._json(200, {"result": result}, droppable=False)
        except Exception as error:
            self._json(400, {"error": f"{type(error).__name__}: {error}"}, droppable=False)


def run_hook(standin, op, args):
    db = standin.db
    if op == "set_stock":
        result = db.set_stock(args["sku"], args["qty"])
    elif op == "finish_production":
        ids = args.get("ids") or db.search("mrp.production", [["state", "in",
                                                               ["confirmed", "progress"]]])
        for mo_id in ids:
            db.finish_production(db.records["mrp.production"][mo_id])
        result = ids
    elif op == "records":
        model = args["model"]
        result = db.read(model, db.search(model, args.get("domain", [])), args.get("fields"))
    elif op == "calls":
        result = db.calls
    elif op == "drop_responses":
        if args.get("model"):
            standin.drop_rules.append({"model": args["model"], "method": args["method"],
                                       "count": int(args.get("count", 1))})
        else:
            standin.drop_next = int(args["count"])
        result = True
    elif op == "create":
        result = db.create(args["model"], args["vals"])
    else:
        raise KeyError(f"unknown hook {op}")
    standin.save()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--odoo-version", type=int, choices=[16, 17, 18, 19], default=17)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--db", default="konta")
    parser.add_argument("--login", default="api@konta.test")
    parser.add_argument("--api-key", default="standin-api-key")
    parser.add_argument("--state-file")
    parser.add_argument("--confirm-returns-none", action="store_true",
                        help="action_confirm commits, then faults 'cannot marshal None'")
    parser.add_argument("--deny", action="append", help="model the API user may not access")
    args = parser.parse_args()

    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.standin = Standin(args)
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
