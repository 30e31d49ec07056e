"""Copy the npm libraries the site serves into giamngheo/static/vendor/.

``frontend/package.json`` lists them under ``staticFiles`` as
``{"node_modules/<path>": "vendor/<path>"}``; nothing is loaded from a CDN and
nothing from node_modules is committed.
"""

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
STATIC = ROOT / "giamngheo" / "static"


def main() -> int:
    manifest = json.loads((FRONTEND / "package.json").read_text(encoding="utf-8"))
    for source, target in manifest.get("staticFiles", {}).items():
        src, dst = FRONTEND / source, STATIC / target
        if not src.exists():
            print(f"{source}: missing; run `make install`", file=sys.stderr)
            return 1
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
