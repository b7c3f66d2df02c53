#!/usr/bin/python3
"""A story exported as DOCX by lede-cli, opened with python-docx (Debian's
python3-docx): its paragraphs, styles, links, lists and table against the
story. TAP on stdout."""

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    print("1..0 # SKIP python3-docx is not installed (make test installs it)")
    sys.exit(0)

cli = os.environ["LEDE_CLI"]
story = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "docx", "harbour-report.md")
checks = []


def check(name, ok, detail=""):
    checks.append((name, ok, detail))


def text_of(element):
    """The text Word shows, hyperlinks, tabs and breaks included (python-docx
    0.8 leaves hyperlinks out of Paragraph.text)."""
    out = []
    for node in element.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
        elif node.tag == qn("w:br"):
            out.append("\n")
    return "".join(out)


def export(library, folder, *extra):
    os.makedirs(folder, exist_ok=True)
    subprocess.run([cli, "--library", library, *extra], check=True, capture_output=True)


with tempfile.TemporaryDirectory() as tmp:
    library = os.path.join(tmp, "library.db")
    out = os.path.join(tmp, "out")
    again = os.path.join(tmp, "again")
    export(library, out, "import", story)
    export(library, out, "export", "--format", "docx", "--force", "--all", "--out", out)
    # Elsewhere in the world: zip keeps local times, the bytes must not change.
    os.environ["TZ"] = "Asia/Tokyo"
    export(library, again, "export", "--format", "docx", "--force", "--all", "--out", again)
    del os.environ["TZ"]
    files = os.listdir(out)
    check("one .docx per story", files == ["harbour-dredging-to-start-in-march-council-says.docx"], files)
    path = os.path.join(out, files[0])
    with open(path, "rb") as a, open(os.path.join(again, files[0]), "rb") as b:
        check("the same story gives the same bytes, in another time zone too", a.read() == b.read())
    with zipfile.ZipFile(path) as z:
        check("the zip is sound", z.testzip() is None)
        check("content types first", z.namelist()[0] == "[Content_Types].xml", z.namelist())
        # What Word reads, as it was when this was written: a change to the
        # DOCX writer shows here, part by part, to be looked at and the sum
        # updated. The story's uuid and dates (docProps/core.xml) differ by
        # library.
        expected_parts = {
            "[Content_Types].xml": "abdd6420be4749bb64796a0d469324c6d7d830c0cb261ab4c1e72d2c4ddf2c49",
            "_rels/.rels": "35f09af3ef1ab964cf324757625380f6e07543e20388baee4921dedbba66aac2",
            "word/document.xml": "b0196360277f19b6cef55938f046d137755ff510823c68053d087ba05da52b12",
            "word/_rels/document.xml.rels": "2285528210aafbb09f3510b521742e789c44a6ef719ba8e2368a54dbbfbdf3b1",
            "word/styles.xml": "7c77eade9a224e3fa7942da9a86e896ba282d3f180a7fac948c1a1c8c95bd848",
            "word/numbering.xml": "ae7e1217a228b3ee60d376e41122867a1a7b4965596fb1b92c507036236b7d5e",
        }
        parts = {name: hashlib.sha256(z.read(name)).hexdigest()
                 for name in z.namelist() if name != "docProps/core.xml"}
        check("every part but the dates is as before, byte for byte", parts == expected_parts,
              ", ".join(name for name in sorted(set(parts) | set(expected_parts))
                        if parts.get(name) != expected_parts.get(name)))

    document = docx.Document(path)
    paragraphs = [(p.style.name, text_of(p._p)) for p in document.paragraphs]
    expected = [
        ("Title", "Harbour dredging to start in March, council says"),
        ("Subtitle", "The £4.2m project will close the east quay for six weeks."),
        ("Byline", "Mirela Osei"),
        ("Dateline", "PORT ELLAN, 12 November 2026"),
        ("Normal", "Dredging of the inner harbour will begin on 2 March, the council said on Thursday, "
                   "after a survey found silt at record levels."),
        ("Heading 2", "What closes"),
        ("Normal", "The east quay closes for six weeks. Fishing boats move to:"),
        ("List Paragraph", "the north pontoon;"),
        ("List Paragraph", "the old ferry berth, with"),
        ("List Paragraph", "power and"),
        ("List Paragraph", "fresh water;"),
        ("List Paragraph", "moorings in the bay."),
        ("Quote", "“We have waited eleven years for this,” said Tomasz Reyes, who chairs the harbour users’ group."),
        ("Normal", "The old 2019 estimate was lower.1"),
        ("List Paragraph", "☒ survey done"),
        ("List Paragraph", "☐ contract signed"),
        ("Normal", "High water on the first day:"),
        ("Source Code", "06:12  4.1 m\n18:40  4.3 m"),
        ("Normal", ""),
        ("Normal", "Contractors start at 06:00. See the map."),
        ("Normal", "Steps for skippers:"),
        ("List Paragraph", "Book a berth."),
        ("List Paragraph", "Bring the permit."),
        ("List Paragraph", "Pay the fee."),
        ("Note", "1\tThe 2019 estimate was £3.1m."),
    ]
    check("paragraphs and styles, in order, as the story has them", paragraphs == expected,
          "\n".join(f"{a!r} vs {b!r}" for a, b in zip(paragraphs + [None] * 30, expected) if a != b))

    runs = {r.text: r for p in document.paragraphs for r in p.runs}
    check("emphasis is italic, strong is bold", runs["inner"].italic and runs["2 March"].bold)
    check("struck through", runs["2019"].font.strike)
    check("a footnote mark is superscript", runs["1"].font.superscript)

    body = document.paragraphs[4]._p
    links = body.findall(qn("w:hyperlink"))
    rels = document.part.rels
    check("a link goes where the story says",
          len(links) == 1 and text_of(links[0]) == "record levels"
          and rels[links[0].get(qn("r:id"))].target_ref == "https://example.org/survey")

    numbers = [p._p.pPr.numPr for p in document.paragraphs if p.style.name == "List Paragraph"]
    levels = [int(n.ilvl.val) if n is not None else None for n in numbers]
    check("list levels: nested bullets under a numbered list; an item's second paragraph has no number",
          levels == [0, 0, 1, 1, 0, 0, 0, 0, None, 0], levels)
    check("each numbered list counts by itself", numbers[7].numId.val not in (numbers[0].numId.val, 1)
          and numbers[9].numId.val == numbers[7].numId.val)
    contractors = next(p for p in document.paragraphs if text_of(p._p).startswith("Contractors"))
    map_link = contractors._p.findall(qn("w:hyperlink"))
    check("a link's target is a URI, its spaces escaped",
          len(map_link) == 1 and rels[map_link[0].get(qn("r:id"))].target_ref == "https://example.org/harbour%20map.pdf",
          [rels[l.get(qn("r:id"))].target_ref for l in map_link])
    ordered = numbers[0].numId.val
    check("a numbered list keeps one numbering, its bullets another",
          numbers[1].numId.val == ordered and numbers[4].numId.val == ordered and numbers[2].numId.val == 1)

    check("one table", len(document.tables) == 1)
    table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    check("the table's cells", cells == [["Berth", "Boats", "Weeks"], ["North pontoon", "14", "6"], ["Ferry berth", "9", "4"]], cells)
    jc = [c.paragraphs[0].alignment for c in table.rows[1].cells]
    check("column alignment", [str(a) for a in jc] == ["None", "CENTER (1)", "RIGHT (2)"], jc)
    check("the header row repeats and is bold", table.rows[0]._tr.trPr is not None and table.rows[0].cells[0].paragraphs[0].runs[0].bold)

    props = document.core_properties
    check("title, author and language in the document's properties",
          (props.title, props.author, props.language) == ("Harbour dredging to start in March, council says", "Mirela Osei", "en-GB"),
          (props.title, props.author, props.language))
    check("raw HTML never goes out", "raw HTML" not in "".join(t for _, t in paragraphs))

# Stories that once broke the DOCX writer: nesting deep enough to overflow
# a recursive writer's stack, and characters XML refuses. Each must give a
# file python-docx opens.
findings = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "fuzz-findings")
with tempfile.TemporaryDirectory() as tmp:
    library = os.path.join(tmp, "odd.db")
    out = os.path.join(tmp, "out")
    deep = {
        "deep-quotes": "> " * 60000 + "a",
        "deep-lists-in-quotes": "> - " * 50000 + "a",
        "deep-note": "See[^1].\n\n[^1]: " + "> " * 100000 + "deep",
        "deep-emphasis": "*a _" * 100000 + "b" + "_ a*" * 100000,
    }
    stories = [os.path.join(findings, name + ".md") for name in
               ("docx-u+fffe-entity", "word-paste-controls", "noncharacters-everywhere", "no-headline", "bad-language-image")]
    for name, body in deep.items():
        path = os.path.join(tmp, name + ".md")
        with open(path, "w") as f:
            f.write(f'---\ntitle: "{name}"\n---\n\n{body}\n')
        stories.append(path)
    export(library, out, "import", *stories)
    export(library, out, "export", "--format", "docx", "--force", "--all", "--out", out)
    opened = []
    for name in sorted(os.listdir(out)):
        try:
            opened.append((name, docx.Document(os.path.join(out, name))))
        except Exception as error:  # python-docx raises lxml's and zipfile's own
            check(f"{name} opens in python-docx", False, error)
    check("every odd or deeply nested story opens in python-docx", len(opened) == len(stories), [n for n, _ in opened])
    pasted = next((d for n, d in opened if n.startswith("pasted-from-word")), None)
    check("Word's manual line break (U+000B) is a line break in Word",
          pasted is not None and "First line\nsecond line" in text_of(pasted.element.body))

# A story with photos: a lead photo turned by its EXIF orientation, a PNG
# and a WebP in the body. Word gets the pictures upright (a turned copy),
# WebP as PNG, each with its caption and credit below it.
try:
    import gi
    gi.require_version("GdkPixbuf", "2.0")
    from gi.repository import GdkPixbuf
except (ImportError, ValueError):
    GdkPixbuf = None
if GdkPixbuf is not None:
    import json

    def picture(path, kind, width, height):
        pixbuf = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, False, 8, width, height)
        pixbuf.fill(0x2050c0ff)
        pixbuf.savev(path, kind, [], [])
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    with tempfile.TemporaryDirectory() as tmp:
        library = os.path.join(tmp, "photos.db")
        out = os.path.join(tmp, "out")
        lead = os.path.join(tmp, "harbour.jpg")
        picture(lead, "jpeg", 120, 80)
        # Turned a quarter: shown 80 wide and 120 high.
        subprocess.run(["exiv2", "-M", "set Exif.Image.Orientation 6", lead], check=True, capture_output=True)
        with open(lead, "rb") as f:
            lead_sha = hashlib.sha256(f.read()).hexdigest()
        ferry = os.path.join(tmp, "ferry.png")
        ferry_sha = picture(ferry, "png", 60, 40)
        quay = os.path.join(tmp, "quay.webp")
        quay_sha = picture(quay, "webp", 30, 50)
        story_path = os.path.join(tmp, "ferries.md")
        with open(story_path, "w") as f:
            f.write('---\ntitle: "Ferries return"\n---\n\nThe first boat left at six.\n\n'
                    f"![A ferry](lede-photo:{ferry_sha})\n\nPassengers queued.\n\n![Ropes](lede-photo:{quay_sha})\n")
        export(library, out, "import", story_path)
        listed = subprocess.run([cli, "--library", library, "list", "--json"], check=True, capture_output=True, text=True)
        uuid = json.loads(listed.stdout)[0]["uuid"]
        export(library, out, "photo", "add", uuid, lead, "--lead", "--caption", "The harbour at low tide",
               "--credit", "Photo: Rhian Adair", "--alt", "Boats on the mud")
        export(library, out, "photo", "add", uuid, ferry, "--caption", "The 6.10 leaves", "--credit", "Kerra Nance",
               "--alt", "A ferry at the quay")
        export(library, out, "photo", "add", uuid, quay, "--caption", "", "--credit", "Tomos Penhale", "--alt", "Coiled ropes")
        export(library, out, "export", "--format", "docx", "--force", "--all", "--out", out)
        path = os.path.join(out, "ferries-return.docx")
        check("a story with photos is one .docx, its pictures inside", os.listdir(out) == ["ferries-return.docx"],
              os.listdir(out))
        document = docx.Document(path)
        shapes = document.inline_shapes
        check("python-docx finds the three pictures", len(shapes) == 3, len(shapes))
        sizes = [(s.width, s.height) for s in shapes]
        check("the lead photo upright: 80 by 120", sizes[:1] == [(80 * 9525, 120 * 9525)], sizes)
        check("the body's pictures at their size", sizes[1:] == [(60 * 9525, 40 * 9525), (30 * 9525, 50 * 9525)], sizes)
        with zipfile.ZipFile(path) as z:
            media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
            check("the turned JPEG as an upright JPEG copy, PNG as it is, WebP as PNG",
                  media == ["word/media/image1.jpeg", "word/media/image2.png", "word/media/image3.png"], media)
            with open(ferry, "rb") as f:
                check("a picture needing no change is embedded as its own bytes", z.read("word/media/image2.png") == f.read())
            turned = GdkPixbuf.PixbufLoader()
            turned.write(z.read("word/media/image1.jpeg"))
            turned.close()
            got = turned.get_pixbuf()
            check("the lead photo's copy is turned", (got.get_width(), got.get_height()) == (80, 120),
                  (got.get_width(), got.get_height()))
            check("the zip is sound with pictures", z.testzip() is None)
        paragraphs = [(p.style.name, text_of(p._p)) for p in document.paragraphs if text_of(p._p) or p._p.xpath(".//w:drawing")]
        described = [s._inline.docPr.get("descr") for s in shapes]
        check("each picture's alt text is its description", described == ["Boats on the mud", "A ferry at the quay", "Coiled ropes"],
              described)
        captions = [t for style, t in paragraphs if style == "Caption"]
        check("caption and credit below each picture",
              captions == ["The harbour at low tide Photo: Rhian Adair", "The 6.10 leaves Kerra Nance", "Tomos Penhale"], captions)
        order = [style if text else "picture" for style, text in paragraphs]
        check("the lead after the dateline, the others where the story has them",
              order == ["Title", "picture", "Caption", "Normal", "picture", "Caption", "Normal", "picture", "Caption"], paragraphs)

print(f"1..{len(checks)}")
failed = 0
for i, (name, ok, detail) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        failed = 1
        for line in str(detail).splitlines():
            print(f"# {line}")
sys.exit(failed)
