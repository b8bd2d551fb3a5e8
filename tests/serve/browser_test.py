#!/usr/bin/env python3
"""writ serve in a browser, as a person uses it: headless Chromium (Debian's chromium over
the DevTools protocol, cdp.py) against a `writ serve` that this test starts on a free port
and stops. Asks the Frontier question, checks the answer and its colour, the argument map
(node count, no literal drawn twice, hover, collapse, export), follows a quote into the
article, switches perspective and assumes what a court might find. Screenshots go to
--artifacts. Exits 77 (skipped) only when Chromium cannot start.

    browser_test.py --writ build/ci/cli/writ --facts facts --artifacts /tmp/shots
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import time
import traceback
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

SKIP = 77
QUESTION = "could_breach(frontier, A)"


def rgb(hex_colour):
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


class Server:
    def __init__(self, writ, files):
        self.process = subprocess.Popen([writ, "serve", "--port", "0", *files], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not match:
            rest = self.process.stdout.read() if self.process.poll() is not None else ""
            raise RuntimeError(f"writ serve did not start: {line}{rest}")
        self.url = match.group(0)

    def get_json(self, path, **params):
        query = urllib.parse.urlencode(params)
        with urllib.request.urlopen(f"{self.url}{path.lstrip('/')}?{query}", timeout=60) as reply:
            return json.load(reply)

    def stop(self):
        self.process.terminate()
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        return code, self.process.stdout.read()


class Checks:
    def __init__(self):
        self.failures = []
        self.count = 0

    def check(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
            print(f"FAIL: {message}", flush=True)

    def equal(self, actual, expected, what):
        self.check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def answer_rows(page):
    return page.eval("""Array.from(document.querySelectorAll('#answers tbody tr')).map((tr) => ({
        values: Array.from(tr.querySelectorAll('td.value')).map((td) => td.textContent),
        status: (tr.querySelector('.status') || {}).textContent,
        colour: tr.querySelector('.status') ? getComputedStyle(tr.querySelector('.status')).backgroundColor : null,
        reading: (tr.querySelector('td.reading') || {}).textContent,
    }))""")


# The facts the map draws inside the node of the literal they state, not apart
# (query/argue/map_dot.cpp, folded_facts): arguments of kind fact with no edge but the one
# to their literal, where every argument for that literal is such a fact.
def folded_facts(api_map):
    kind = {n["id"]: n.get("rule_kind") for n in api_map["nodes"]}
    touched, concluding = set(), {}
    for e in api_map["edges"]:
        if e["kind"] == "concludes":
            concluding.setdefault(e["to"], []).append(e["from"])
        else:
            touched.update((e["from"], e["to"]))
    folded = set()
    for arguments in concluding.values():
        if all(kind[a] == "fact" and a not in touched for a in arguments):
            folded.update(arguments)
    return folded


# The map's nodes drawn (the SVG's legend has nodes too, not the map's).
DRAWN = "document.querySelectorAll('#map svg g.node:not([id^=legend_])').length"


def map_ready(page):
    page.idle()
    page.wait("document.querySelectorAll('#map svg g.node').length > 0", what="the map's nodes")


def drawn_nodes(page):
    """Each node the map draws: its id and the text it shows."""
    return page.eval("""Array.from(document.querySelectorAll('#map svg g.node')).filter((g) => !g.id.startsWith('legend_')).map((g) => ({
        id: g.id, text: Array.from(g.querySelectorAll('text')).map((t) => t.textContent.trim()).join(' ')}))""")


def run(args, checks):
    files = sorted(glob.glob(os.path.join(args.facts, "law", "*.writ"))) + \
        sorted(glob.glob(os.path.join(args.facts, "cases", "frontier", "*.writ")))
    os.makedirs(args.artifacts, exist_ok=True)
    shot = lambda name: page.screenshot(os.path.join(args.artifacts, name))  # noqa: E731

    try:
        browser = cdp.Browser()
    except cdp.ChromiumUnavailable as e:
        print(f"SKIP: Chromium cannot start here, so the browser tests do not run: {e}")
        return SKIP
    server = Server(args.writ, files)
    try:
        page = browser.new_page(1600, 1000)
        page.goto(server.url)
        page.idle()
        page.wait("document.querySelectorAll('#perspective option').length > 1", what="the parties")
        legend = server.get_json("/api/explain", q=QUESTION)["legend"]

        # Ask, as a person would: type the question, press Enter.
        page.click("document.querySelector('#question')")
        page.type(QUESTION)
        page.key("Enter")
        page.idle()
        page.wait("document.querySelectorAll('#answers tbody tr').length > 0", what="the answers")
        rows = answer_rows(page)
        checks.equal([r["values"] for r in rows], [["partnership_agreement"]], "answers to " + QUESTION)
        checks.equal(rows[0]["status"], "contested", "the answer's status")
        checks.equal(rows[0]["colour"], rgb(legend["contested"]), "the colour of 'contested'")

        # The map of the answer: every node of the API's map (at the depth the page chose for
        # a map of more than 40 nodes) drawn once, no literal twice.
        map_ready(page)
        first_depth = page.eval("document.querySelector('#depth').value")
        whole_size = len(server.get_json("/api/explain", q=QUESTION, answer=0)["nodes"])
        checks.check(first_depth == "" if whole_size <= 40 else first_depth != "",
                     f"the first depth of a map of {whole_size} nodes: {first_depth!r}")
        if first_depth:
            shallow = server.get_json("/api/explain", q=QUESTION, answer=0, depth=first_depth)
            checks.equal(sorted(n["id"] for n in drawn_nodes(page)),
                         sorted(n["id"] for n in shallow["nodes"] if n["id"] not in folded_facts(shallow)),
                         f"node ids drawn at depth {first_depth}")
            # Then all of it, as a reader asks for it.
            page.eval("(() => { const s = document.querySelector('#depth'); s.value = '';"
                      " s.dispatchEvent(new Event('change')); })()")
            page.idle()
        expected = server.get_json("/api/explain", q=QUESTION, answer=0)
        page.wait(f"{DRAWN} === {len(expected['nodes']) - len(folded_facts(expected))}", what="the whole map")
        nodes = drawn_nodes(page)
        drawn_apart = [n["id"] for n in expected["nodes"] if n["id"] not in folded_facts(expected)]
        checks.equal(len(nodes), len(drawn_apart), "nodes drawn")
        checks.equal(sorted(n["id"] for n in nodes), sorted(drawn_apart), "node ids drawn")
        literal_ids = {n["id"] for n in expected["nodes"] if n["kind"] == "literal"}
        literal_texts = [n["text"] for n in nodes if n["id"] in literal_ids]
        duplicates = sorted({t for t in literal_texts if literal_texts.count(t) > 1})
        checks.equal(duplicates, [], "literals drawn more than once")
        labels = [n["label"] for n in expected["nodes"] if n["kind"] == "literal"]
        checks.equal(len(labels), len(set(labels)), "distinct literal labels in the map")
        checks.check(rows[0]["reading"] or answer_rows(page)[0]["reading"], "the answer reads as a sentence")
        shot("1-map.png")

        # Hover a node: its English sentence.
        answer_node = expected["answers"][0]["node"]
        page.hover(f"document.getElementById('{answer_node}')")
        page.wait("!document.querySelector('#tooltip').hidden", what="the tooltip")
        node_text = next(n["text"] for n in expected["nodes"] if n["id"] == answer_node)
        tooltip = page.eval("document.querySelector('#tooltip').textContent")
        checks.check(node_text in tooltip, f"the tooltip shows {node_text!r}: {tooltip!r}")

        # Click an argument that cites the article (through any source whose document it is:
        # the article's own voice, its hedged reading, the anonymous people it relays): its rule
        # and source; then its quote. (Only arguments drawn apart can be clicked: a fact folded
        # into its literal's node is not.)
        def document_text(source):
            return "".join(seg["text"] for seg in (source["document"] or {}).get("segments", [])) if source["document"] else ""
        sources = server.get_json("/api/sources")["sources"]
        text = document_text(next(s for s in sources if s["name"] == "article"))
        in_article = {s["name"] for s in sources if text and document_text(s) == text}
        folded = folded_facts(expected)
        cited = [n for n in expected["nodes"]
                 if n["kind"] == "argument" and n["id"] not in folded
                 and any(c["source"] in in_article and c["quote"] for c in n["citations"])]
        checks.check(cited, "an argument of the map cites the article")
        if cited:
            # The one whose quote lies furthest down the article, so that showing it scrolls.
            node = max(cited, key=lambda n: text.find(n["citations"][0]["quote"]) if text else 0)
            quote = next(c["quote"] for c in node["citations"] if c["source"] in in_article)
            page.click("document.querySelector('#zoom-fit')")  # the whole map in view, to click any node
            page.click(f"document.getElementById('{node['id']}')")
            page.wait(f"document.querySelector('#details-body .statement') && "
                      f"document.querySelector('#details-body .statement').textContent === {json.dumps(node['statement'])}",
                      what="the details of the clicked node")
            details = page.eval("document.querySelector('#details-body').textContent")
            checks.check(node["place"] in details, f"the details show where the rule is written ({node['place']})")
            page.eval("document.querySelector('#source-text').scrollTop = 0")
            page.click("Array.from(document.querySelectorAll('#details-body .quote-link'))"
                       f".find((b) => b.textContent === {json.dumps(quote)})")
            page.wait("document.querySelector('#source-text mark.flash')", what="the quote highlighted in the article")
            placed = page.eval("""(() => {
                const panel = document.querySelector('#source-text');
                const mark = panel.querySelector('mark.flash');
                const p = panel.getBoundingClientRect(), m = mark.getBoundingClientRect();
                return {inside: m.top >= p.top && m.bottom <= p.bottom, scrolled: panel.scrollTop, text: mark.textContent};
            })()""")
            checks.check(placed["inside"], "the source panel scrolled the quote into view")
            if text:
                checks.check(placed["scrolled"] > 0, "the source panel scrolled down to the quote")
            if text:
                checks.check(placed["text"] and placed["text"] in text, "the highlight is the article's text")
            else:
                checks.equal(placed["text"], quote, "the highlighted quote (the article has no document text)")
            shot("2-quote.png")

            # Click the highlight: what it supports.
            page.click("document.querySelector('#source-text mark.flash')")
            page.wait("!document.querySelector('#quote-info').hidden", what="what the quote supports")
            info = page.eval("document.querySelector('#quote-info').textContent")
            checks.check("supports" in info and node["id"] in page.eval(
                "Array.from(document.querySelectorAll('#quote-info .node-link')).map((b) => b.dataset.node).join(' ')"),
                f"the quote's box lists what it supports, including {node['id']}: {info!r}")

        # A fact drawn inside its literal's node: a click on its quote's line shows the fact
        # (its statement, where it is written, its quote).
        fact = next((n for n in expected["nodes"] if n["id"] in folded and n["citations"]), None)
        checks.check(fact, "a fact with a quote is drawn inside its literal's node")
        if fact:
            literal = next(e["to"] for e in expected["edges"] if e["kind"] == "concludes" and e["from"] == fact["id"])
            citation = fact["citations"][0]
            line = (f"Array.from(document.getElementById('{literal}').querySelectorAll('text')).find((t) => "
                    f"t.textContent.trim().length > 8 && {json.dumps(chr(8220) + citation['quote'])}.replace(/\\s+/g, ' ')"
                    f".includes(t.textContent.trim().replace(/\\s+/g, ' ')))")
            checks.check(page.eval(f"!!({line})"), f"the quote of {fact['id']} is drawn in {literal}")
            page.click(f"document.querySelector('#zoom-fit')")
            page.click(line)
            page.wait(f"document.querySelector('#details-body .statement') && "
                      f"document.querySelector('#details-body .statement').textContent === {json.dumps(fact['statement'])}",
                      what="the details of the folded fact")
            details = page.eval("document.querySelector('#details-body').textContent")
            checks.check(fact["place"] in details, f"the fact's details show where it is written ({fact['place']})")
            checks.equal(page.eval("Array.from(document.querySelectorAll('#details-body .quote-link')).map((b) => b.textContent)"),
                         [citation["quote"]], "the fact's quote in its details")
            shot("2b-folded-fact.png")

        # Collapse a node (double-click): fewer nodes; double-click again: back; again, and
        # expand all: back.
        argument = next((e["from"] for e in expected["edges"] if e["kind"] == "concludes" and e["to"] == answer_node), None)
        before = len(drawn_nodes(page))
        if argument:
            for expand in ("dblclick", "expand-all"):
                page.click(f"document.getElementById('{argument}')", clicks=2)
                page.idle()
                page.wait(f"{DRAWN} < {before}", what="the collapsed map")
                if expand == "dblclick":
                    page.click(f"document.getElementById('{argument}')", clicks=2)
                    page.idle()
                    page.wait(f"{DRAWN} === {before}", what="the map expanded again (double-click)")
                else:
                    page.click("document.querySelector('#expand-all')")
                    page.idle()
                    page.wait(f"{DRAWN} === {before}", what="the whole map (expand all)")
                    checks.equal(page.eval("document.querySelector('#depth').value"), "", "the depth after expand all")

        # Export: SVG and PNG of the whole map.
        svg = page.eval("window.writ.svgText()")
        checks.check(svg.startswith("<?xml") and svg.count('class="node"') == before + 6
                     and 'id="legend_rejected"' in svg,
                     "the SVG export holds the map and its legend")
        png = page.eval("""window.writ.pngBlob().then(async (b) => {
            const bytes = new Uint8Array(await b.arrayBuffer());
            return {size: bytes.length, signature: Array.from(bytes.slice(0, 8))};
        })""")
        checks.equal(png["signature"], [137, 80, 78, 71, 13, 10, 26, 10], "the PNG export's signature")
        checks.check(png["size"] > 10000, f"the PNG export has the picture ({png['size']} bytes)")

        # A large map (the Amazon claim: ~100 nodes) opens at the deepest depth that keeps it
        # within 40 nodes; double-clicking a node with more below it opens it a step further.
        claim = "claim_succeeds(D, R, A, T)"
        page.eval(f"document.querySelector('#question').value = {json.dumps(claim)}")
        page.eval("document.querySelector('#ask-form').requestSubmit()")
        page.idle()
        page.wait(f"document.querySelector('#map-title').textContent.startsWith({json.dumps(claim)})", what="the large map")
        map_ready(page)
        whole = server.get_json("/api/explain", q=claim, answer=0)
        counts, kept, depth = {}, 0, 1
        for n in whole["nodes"]:
            counts[n["depth"]] = counts.get(n["depth"], 0) + 1
        for d in sorted(counts):
            kept += counts[d]
            if kept > 40:
                break
            depth = max(d, 1)
        checks.check(len(whole["nodes"]) > 40, f"the Amazon claim's map is large ({len(whole['nodes'])} nodes)")
        checks.equal(page.eval("document.querySelector('#depth').value"), str(depth), "the large map's first depth")
        shallow = server.get_json("/api/explain", q=claim, answer=0, depth=depth)
        shallow_drawn = sorted(n["id"] for n in shallow["nodes"] if n["id"] not in folded_facts(shallow))
        checks.equal(sorted(n["id"] for n in drawn_nodes(page)), shallow_drawn, "the large map's first nodes")
        checks.check(len(shallow_drawn) <= 40, f"the large map opens with at most 40 nodes ({len(shallow_drawn)})")
        shot("3a-large-map.png")
        # A node with more below it than facts (which its node would show inside it).
        boundary, opened_drawn = None, []
        for n in shallow["nodes"]:
            if not n.get("hidden") or n["id"] not in shallow_drawn:
                continue
            opened = server.get_json("/api/explain", q=claim, answer=0, depth=depth, expanded=n["id"])
            opened_drawn = sorted(m["id"] for m in opened["nodes"] if m["id"] not in folded_facts(opened))
            if len(opened_drawn) > len(shallow_drawn):
                boundary = n["id"]
                break
        checks.check(boundary, "a node of the large map has more arguments below it")
        if boundary:
            page.click("document.querySelector('#zoom-fit')")
            page.click(f"document.getElementById('{boundary}')", clicks=2)
            page.idle()
            page.wait(f"{DRAWN} === {len(opened_drawn)}", what=f"the map with {boundary} opened")
            checks.equal(sorted(n["id"] for n in drawn_nodes(page)), opened_drawn, f"the nodes with {boundary} opened")
        page.eval(f"document.querySelector('#question').value = {json.dumps(QUESTION)}")
        page.eval("document.querySelector('#ask-form').requestSubmit()")
        page.idle()
        page.wait(f"document.querySelector('#map-title').textContent.startsWith({json.dumps(QUESTION)})", what="the map again")
        map_ready(page)

        # Microsoft's perspective: accepted.
        page.eval("(() => { const s = document.querySelector('#perspective'); s.value = 'microsoft';"
                  " s.dispatchEvent(new Event('change')); })()")
        page.idle()
        page.wait("document.querySelector('#answers tbody .status').textContent === 'accepted'",
                  what="'accepted' from Microsoft's perspective")
        rows = answer_rows(page)
        checks.equal(rows[0]["status"], "accepted", "the status from Microsoft's perspective")
        checks.equal(rows[0]["colour"], rgb(legend["accepted"]), "the colour of 'accepted'")
        map_ready(page)
        shot("3-microsoft.png")

        # Back to the court; what if a court found Frontier a separate product?
        page.eval("(() => { const s = document.querySelector('#perspective'); s.value = '';"
                  " s.dispatchEvent(new Event('change')); })()")
        page.idle()
        page.click("document.querySelector('#assume-input')")
        page.type("separate_product(frontier, openai_models).")
        page.key("Enter")
        page.idle()
        page.wait("document.querySelector('#answers tbody .status') && "
                  "document.querySelector('#answers tbody .status').textContent !== 'contested'",
                  what="the answer under the assumption")
        checks.equal(answer_rows(page)[0]["status"], "rejected", "the status if Frontier is a separate product")
        checks.check(page.eval("location.hash").find("assume=") > 0, "the assumption is in the page's address")
        shot("4-what-if.png")

        # A mistake in the question: the diagnostic, where it is.
        page.eval("document.querySelector('#question').value = ''")
        page.click("document.querySelector('#question')")
        page.type("could_breach(frontier A)")
        page.key("Enter")
        page.idle()
        page.wait("!document.querySelector('#error').hidden", what="the error")
        error = page.eval("document.querySelector('#error').textContent")
        checks.check(error.startswith("q:1:23: error:"), f"the question's diagnostic: {error!r}")
        checks.equal(page.eval("document.querySelector('#question').getAttribute('aria-invalid')"), "true",
                     "the question box marked invalid")
        shot("5-error.png")
    finally:
        code, output = server.stop()
        browser.close()
    checks.equal(code, 0, "writ serve's exit status on SIGTERM")
    checks.check("writ serve: stopped" in output, f"writ serve said it stopped: {output!r}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writ", required=True)
    parser.add_argument("--facts", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    checks = Checks()
    started = time.monotonic()
    try:
        code = run(args, checks)
    except Exception:
        traceback.print_exc()
        checks.failures.append("the test stopped on an exception")
        code = 1
    if code == SKIP:
        return SKIP
    print(f"browser: {checks.count - len(checks.failures)} passed, {len(checks.failures)} failed "
          f"in {time.monotonic() - started:.1f} s; screenshots in {args.artifacts}")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
