#!/usr/bin/env python3
"""A loopback TCP relay that keeps every byte it forwards, for tests that check what crosses the network.

Usage: capture_relay.py TARGET_PORT CAPTURE_PREFIX
Listens on 127.0.0.1 (a free port, printed on the first line of stdout), forwards each connection to
127.0.0.1:TARGET_PORT, and appends what the client sent to CAPTURE_PREFIX.up and what the server sent to
CAPTURE_PREFIX.down. When the target cannot be reached, the client's connection is closed, as a dead collector's
would be, and also while the file CAPTURE_PREFIX.pause exists (a test holds laptops off that way). Runs until killed.
"""
import os
import socket
import sys
import threading

target_port = int(sys.argv[1])
prefix = sys.argv[2]
lock = threading.Lock()


def pump(source, sink, capture_path):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            with lock, open(capture_path, "ab") as capture:
                capture.write(data)
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(client):
    if os.path.exists(prefix + ".pause"):
        client.close()
        return
    try:
        upstream = socket.create_connection(("127.0.0.1", target_port), timeout=5)
        upstream.settimeout(None)
    except OSError:
        client.close()
        return
    threading.Thread(target=pump, args=(client, upstream, prefix + ".up"), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client, prefix + ".down"), daemon=True).start()


listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(64)
print(listener.getsockname()[1], flush=True)
while True:
    connection, _ = listener.accept()
    serve(connection)
