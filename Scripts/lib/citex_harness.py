"""Shared pieces of the reliability scripts (kill-test, concurrency-test, resource-test):
a generated corpus whose every passage carries a marker naming its page and version, and
helpers that run citex and read back what an index holds."""
import collections, json, os, random, re, shutil, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKER = "killmarker"
WORDS = ("river lantern granite orbit meadow cipher harbor willow quartz ember saddle violet "
         "compass falcon tundra beacon marble thistle canyon ledger prism anchor glacier "
         "copper nectar summit harvest mosaic raven cobalt juniper mirage").split()


def release_binary():
    """Builds citex in release mode and returns its path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "citex"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "citex")


class Corpus:
    """Pages `page<N>.html` whose paragraphs each end in `m<N>v<version> killmarker m<N>v<version>`,
    so a search for the marker tells which version of which page an index holds, passage by passage."""

    def __init__(self, folder, seed, with_repo_corpus=True):
        self.folder = folder
        self.random = random.Random(seed)
        self.pages = {}          # number -> version
        self.next_page = 0
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        if with_repo_corpus:
            shutil.copytree(os.path.join(ROOT, "Corpus"), os.path.join(folder, "Corpus"))

    def write_page(self, name, version):
        words = self.random.choices(WORDS, k=self.random.randint(200, 1600))
        paragraphs = [" ".join(words[i:i + 60]) for i in range(0, len(words), 60)]
        body = "\n".join(f"<h2 id=s{i}>Part {i}</h2><p>{p} m{name}v{version} {MARKER} m{name}v{version}</p>"
                         for i, p in enumerate(paragraphs))
        with open(os.path.join(self.folder, f"page{name}.html"), "w") as f:
            f.write(f"<!DOCTYPE html><html><head><title>Page {name} version {version}</title></head>"
                    f"<body><main><h1>Page {name}</h1>{body}</main></body></html>")
        self.pages[name] = version

    def add(self, count):
        for _ in range(count):
            self.write_page(self.next_page, 0)
            self.next_page += 1

    def change(self):
        """Adds some pages, edits some, deletes a few."""
        self.add(self.random.randint(5, 40))
        names = list(self.pages)
        for name in self.random.sample(names, min(len(names), self.random.randint(0, 12))):
            self.write_page(name, self.pages[name] + 1)
        for name in self.random.sample(list(self.pages), min(len(self.pages) // 10, self.random.randint(0, 6))):
            os.remove(os.path.join(self.folder, f"page{name}.html"))
            del self.pages[name]

    def expected_markers(self):
        return {f"{name}v{version}" for name, version in self.pages.items()}


class Citex:
    """Runs one citex binary against one index folder."""

    def __init__(self, binary, index, memory="256K"):
        self.binary = os.path.abspath(binary)
        self.index = index
        self.memory = memory

    def run(self, *arguments, index=None, check=True, timeout=300):
        result = subprocess.run([self.binary, *arguments, "--index", index or self.index],
                                capture_output=True, text=True, errors="replace", timeout=timeout)
        if check and result.returncode not in (0, 1):
            raise RuntimeError(f"citex {' '.join(arguments)} exited {result.returncode}: {result.stderr.strip()}")
        return result

    def index_command(self, corpus, compact=False, index=None):
        command = [self.binary, "index", corpus, "--index", index or self.index, "--memory", self.memory, "--quiet"]
        return command + (["--compact"] if compact else [])

    def marker_counts(self, index=None):
        """Passages per page version that a search for the marker finds (a Counter)."""
        hits = self.run("search", MARKER, "-k", "1000000", "--per-doc", "0", "--format", "jsonl",
                        "--snippet-chars", "60", index=index)
        counts = collections.Counter()
        for line in hits.stdout.splitlines():
            found = re.search(r"\bm(\d+v\d+) " + MARKER, json.loads(line)["text"])
            counts[found.group(1) if found else "?"] += 1
        return counts

    def fingerprint(self, index=None):
        """What the index holds: documents, passages, and passages per marker."""
        stats = json.loads(self.run("stats", "--format", "json", index=index).stdout)
        return (stats["documents"], stats["passages"], frozenset(self.marker_counts(index=index).items()))

    @staticmethod
    def markers(fingerprint):
        return {marker for marker, _ in fingerprint[2]}


def torn_pages(counts, known):
    """Why the passages per page version in `counts` are not whole pages, or None.

    `known` maps each page version (marker) to its passage count in some completed commit;
    a whole commit holds every page version it has with all those passages, one version per page."""
    for marker, count in counts.items():
        if marker not in known:
            return f"page version {marker} belongs to no completed commit"
        if count != known[marker]:
            return f"page version {marker} has {count} of its {known[marker]} passages"
    pages = [marker.split("v")[0] for marker in counts]
    if len(pages) != len(set(pages)):
        return "a page is present in two versions"
    return None
