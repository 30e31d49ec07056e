"""Copy the npm libraries the site serves into giamngheo/static/vendor/.

``frontend/package.json`` lists them under ``staticFiles`` as
``{"node_modules/<path>": "vendor/<path>"}``; nothing is loaded from a CDN and
nothing from node_modules is committed.
"""

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
STATIC = ROOT / "giamngheo" / "static"


# The source maps are not copied; production's collectstatic (the manifest storage)
# refuses a file that names a missing one.
SOURCE_MAP = re.compile(r"^\s*(//|/\*)# sourceMappingURL=\S+(\s*\*/)?\s*$", re.MULTILINE)


def drop_source_map_reference(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    cleaned = SOURCE_MAP.sub("", text)
    if cleaned != text:
        path.write_text(cleaned, encoding="utf-8")


def main() -> int:
    manifest = json.loads((FRONTEND / "package.json").read_text(encoding="utf-8"))
    for source, target in manifest.get("staticFiles", {}).items():
        src, dst = FRONTEND / source, STATIC / target
        if not src.exists():
            print(f"{source}: missing; run `make install`", file=sys.stderr)
            return 1
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        if dst.suffix in {".js", ".css", ".mjs"}:
            drop_source_map_reference(dst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
