#!/usr/bin/env python3
"""How many signed deliveries per second the ingress forwards on this machine, measured once.

    eval "$(bash ops/services.sh env)"
    dotnet build src/OrderSync.Ingress -c Release
    python3 ops/ingress-throughput.py [--deliveries 5000] [--connections 16] [--batch 1]

It plays Adobe I/O Events: an RSA key of its own on a key server on loopback, one signed shipment event (or a batch)
POSTed again and again over keep-alive connections to the Release build of the ingress, which publishes each event with
confirms to a durable queue in a virtual host of its own (removed afterwards). The client runs on the same cores, so the
figure is a floor. Needs Python's `cryptography` package.
"""
import argparse
import base64
import http.client
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLIENT_ID = "throughput-client"
KEY_PATH = "/prod/keys/pub-key-throughput.pem"
SHIPMENT = "com.adobe.commerce.observer.sales_order_shipment_save_after"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def management(method, path, body=None):
    base = os.environ["ORDERSYNC_RABBITMQ_MANAGEMENT_URL"]
    user, password = urllib.parse.urlparse(os.environ["ConnectionStrings__RabbitMq"]).netloc.split("@")[0].split(":")
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())
    request.add_header("Content-Type", "application/json")
    urllib.request.urlopen(request).close()


def event():
    return {
        "specversion": "1.0", "id": str(uuid.uuid4()), "type": SHIPMENT, "source": "urn:throughput", "time": "2026-03-14T17:02:10Z",
        "datacontenttype": "application/json", "recipient_client_id": CLIENT_ID,
        "data": {"value": {
            "entity_id": "412", "increment_id": "000000412", "order_id": "9001", "order_increment_id": "000001187",
            "ext_order_id": "108829735420014", "store_code": "walmart_us", "created_at": "2026-03-14 17:02:10",
            "items": [{"order_item_id": "2291", "sku": "WM-MUG-BLU", "qty": "2.0000"}],
            "tracks": [{"entity_id": "501", "carrier_code": "ups", "title": "United Parcel Service", "track_number": "1Z999AA10123456784"}],
        }},
    }


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--deliveries", type=int, default=5000)
    arguments.add_argument("--connections", type=int, default=16)
    arguments.add_argument("--batch", type=int, default=1)
    options = arguments.parse_args()

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)

    class KeyServer(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == KEY_PATH else 404)
            self.end_headers()
            if self.path == KEY_PATH:
                self.wfile.write(pem)

        def log_message(self, *args):
            pass

    key_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), KeyServer)
    threading.Thread(target=key_server.serve_forever, daemon=True).start()

    vhost = "ingress_throughput_" + uuid.uuid4().hex[:8]
    management("PUT", f"api/vhosts/{vhost}")
    amqp = urllib.parse.urlparse(os.environ["ConnectionStrings__RabbitMq"])
    user = amqp.netloc.split("@")[0].split(":")[0]
    management("PUT", f"api/permissions/{vhost}/{user}", {"configure": ".*", "write": ".*", "read": ".*"})
    management("PUT", f"api/exchanges/{vhost}/commerce.order-events", {"type": "topic", "durable": True})
    management("PUT", f"api/queues/{vhost}/throughput", {"durable": True})
    management("POST", f"api/bindings/{vhost}/e/commerce.order-events/q/throughput", {"routing_key": "#"})

    port, health = free_port(), free_port()
    environment = dict(os.environ, **{
        "ConnectionStrings__RabbitMq": amqp._replace(path="/" + vhost).geturl(),
        "Ingress__Urls": f"http://127.0.0.1:{port}", "Health__Urls": f"http://127.0.0.1:{health}",
        "Ingress__ClientId": CLIENT_ID, "Ingress__PublicKeyBaseUrl": f"http://127.0.0.1:{key_server.server_port}",
        "Ingress__PermitsPerMinute": "100000000", "Serilog__MinimumLevel__Default": "Warning",
    })
    build = os.path.join(ROOT, "src", "OrderSync.Ingress", "bin", "Release", "net10.0")
    ingress = subprocess.Popen(["dotnet", os.path.join(build, "OrderSync.Ingress.dll"), "--contentRoot", build], env=environment)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{health}/health/ready") as ready:
                    if ready.status == 200:
                        break
            except OSError:
                if time.time() > deadline:
                    sys.exit("the ingress did not become ready within 60 s")
                time.sleep(0.2)

        events = [event() for _ in range(options.batch)]
        body = json.dumps(events[0] if options.batch == 1 else events).encode()
        signature = base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()
        headers = {"Content-Type": "application/json", "x-adobe-digital-signature-1": signature, "x-adobe-public-key1-path": KEY_PATH}
        failures = []

        def post(count):
            connection = http.client.HTTPConnection("127.0.0.1", port)
            for _ in range(count):
                connection.request("POST", "/adobe-io/events", body, headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failures.append(response.status)
            connection.close()

        def run(total):
            threads = [threading.Thread(target=post, args=(total // options.connections,)) for _ in range(options.connections)]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            return (total // options.connections) * options.connections, time.perf_counter() - started

        run(max(options.connections * 20, 400))
        deliveries, seconds = run(options.deliveries)
        if failures:
            sys.exit(f"{len(failures)} deliveries were not answered 200: {sorted(set(failures))}")
        print(f"{deliveries} deliveries of {options.batch} event(s), {options.connections} connections: "
              f"{deliveries / seconds:.0f} deliveries/s, {deliveries * options.batch / seconds:.0f} events/s, "
              f"{1000 * seconds * options.connections / deliveries:.1f} ms per delivery")
    finally:
        ingress.terminate()
        ingress.wait(30)
        key_server.shutdown()
        management("DELETE", f"api/vhosts/{vhost}")


if __name__ == "__main__":
    main()
