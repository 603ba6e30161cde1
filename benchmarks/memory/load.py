#!/usr/bin/env python3
# python3 benchmarks/memory/load.py PORT SERVER_PID SECONDS  (docs/performance.md, "Memory of the server")
# Drives the server for the memory measurement: 2 threads post batches of 1000 llm_call events
# with high-cardinality labels (every metric's series cap reached), 1 thread scrapes in turn in
# the three formats, with and without gzip. Prints RSS samples of the server.
import json, random, sys, threading, time, urllib.request
port, pid, seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
stop = time.time() + seconds
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(("VmRSS", "VmHWM")): yield line.split()[1]
def post():
    r = random.Random()
    while time.time() < stop:
        events = [{"type": "llm_call", "provider": "openai", "model": f"model-{r.randrange(5000)}",
                   "agent": f"agent-{r.randrange(5000)}", "duration_seconds": r.random() * 3,
                   "input_tokens": r.randrange(5000), "output_tokens": r.randrange(900)}
                  for _ in range(1000)]
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/events", json.dumps(events).encode(),
                                     {"Content-Type": "application/json"})
        try: urllib.request.urlopen(req, timeout=30).read()
        except Exception as e: print("post", e)
def scrape():
    accepts = ["text/plain; version=0.0.4", "application/openmetrics-text; version=1.0.0",
               "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"]
    i = 0
    while time.time() < stop:
        h = {"Accept": accepts[i % 3]}
        if i % 2: h["Accept-Encoding"] = "gzip"
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/metrics", headers=h), timeout=30).read()
        i += 1
threads = [threading.Thread(target=post) for _ in range(2)] + [threading.Thread(target=scrape)]
for t in threads: t.start()
while time.time() < stop:
    time.sleep(10); print(time.strftime("%T"), "RSS/HWM kB", list(rss()), flush=True)
for t in threads: t.join()
