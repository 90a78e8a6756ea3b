#!/usr/bin/env bash
# Refresh the vendored GOV.UK Frontend and MOJ Frontend assets from the npm registry.
# Node.js is needed only here, never at run time: the built CSS and JS are committed.
set -euo pipefail
GOVUK_VERSION=6.6.0
MOJ_VERSION=11.1.0
SASS_VERSION=1.108.2
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/src/foidesk/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  "govuk-frontend@$GOVUK_VERSION" "@ministryofjustice/frontend@$MOJ_VERSION" "sass@$SASS_VERSION"
cp "$root/src/foidesk/web/assets_src/foidesk.scss" .
npx sass --quiet-deps --silence-deprecation=import,global-builtin,mixed-decls --style=compressed --no-source-map \
  --load-path=. foidesk.scss foidesk-frontend.min.css
rm -rf "$out"
mkdir -p "$out/css" "$out/js" "$out/licences"
# The GOV.UK crest is not ours to use: drop the rules' image so no crown can appear.
sed 's#url("../images/govuk-crest.svg")#none#g' foidesk-frontend.min.css > "$out/css/foidesk-frontend.min.css"
grep -q govuk-crest "$out/css/foidesk-frontend.min.css" && { echo "crest still referenced" >&2; exit 1; }
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/js/"
cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js "$out/js/"
# Images the components refer to (MOJ icons); the GOV.UK crest, crown and fonts are deliberately left out.
if [ -d node_modules/@ministryofjustice/frontend/moj/assets/images ]; then
  mkdir -p "$out/images"
  cp node_modules/@ministryofjustice/frontend/moj/assets/images/icon-*.svg "$out/images/"
fi
# The npm packages ship no licence file; both declare MIT in package.json. Record it with the holder.
for pkg in govuk-frontend @ministryofjustice/frontend; do
  node -e "const p=require('./node_modules/$pkg/package.json'); if (p.license !== 'MIT') { process.exit(1) }"
done
mit() {
  printf 'The MIT License (MIT)\n\nCopyright (c) %s\n\n' "$1"
  cat <<'MIT'
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of
the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
MIT
}
mit "Crown Copyright (Government Digital Service)" > "$out/licences/govuk-frontend-LICENSE.txt"
mit "Crown Copyright (Ministry of Justice)" > "$out/licences/moj-frontend-LICENSE.txt"
cat > "$out/VERSIONS.txt" <<VERSIONS
govuk-frontend $GOVUK_VERSION (MIT; licences/govuk-frontend-LICENSE.txt)
@ministryofjustice/frontend $MOJ_VERSION (MIT; licences/moj-frontend-LICENSE.txt)
Built by scripts/vendor-assets.sh with sass $SASS_VERSION from src/foidesk/web/assets_src/foidesk.scss:
system font stack, no GDS Transport font, no GOV.UK crown.
VERSIONS
echo "vendored into $out"
