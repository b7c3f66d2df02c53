#!/usr/bin/env bash
# Exports the sample stories with lede-cli and checks them with real,
# independent tools: the W3C Nu HTML checker (vnu-jar, on Java) for HTML,
# ajv (JSON Schema draft 2020-12) against the ninjs 2.2 schema, and js-yaml
# for the Markdown front matter. make test installs them (tests/node).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
node_modules="$here/node/node_modules"
standards="${LEDE_STANDARDS:-$here/standards}"

for need in "$node_modules/vnu-jar/build/dist/vnu.jar" "$node_modules/.bin/ajv" "$node_modules/js-yaml"; do
  [ -e "$need" ] || { echo "missing $need: run 'make test' (it runs npm ci in tests/node)"; exit 1; }
done
[ -f "$standards/ninjs-schema_2.2.json" ] || { echo "missing the ninjs schema in $standards"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"
"$LEDE_CLI" --library "$work/library.db" import "$here"/data/stories/*
# Odd text the fuzzers and a tester found: controls Word pastes, noncharacters,
# no headline, a language that is not a tag, pictures from javascript:.
"$LEDE_CLI" --library "$work/library.db" import "$here"/data/fuzz-findings/{docx-u+fffe-entity,word-paste-controls,noncharacters-everywhere,no-headline,bad-language-image}.md
for format in html md ninjs; do
  # --force: what is checked here is the output, stories under embargo included.
  "$LEDE_CLI" --library "$work/library.db" export --format "$format" --out "$work/out" --all --force
done
# A story whose sources are a person named in full, one named by surname,
# an organisation and one never named, each with contact details and notes.
LEDE_TEST_NINJS_OUT="$work/out" "$LEDE_TEST_INTERCHANGE" -p /lede/interchange/ninjs > /dev/null
[ -f "$work/out/ninjs-sources.json" ] || { echo "test-interchange wrote no ninjs-sources.json"; exit 1; }
# A story with a lead photo and two in the body: a folder of its own in
# every format, its pictures beside it.
mkdir "$work/photos"
LEDE_TEST_PHOTOS_OUT="$work/photos" "$LEDE_TEST_PHOTO_EXPORT" -p /lede/photo-export/for-validators > /dev/null
[ -f "$work/photos/ferries-return/index.html" ] || { echo "test-photo-export wrote no ferries-return/index.html"; exit 1; }

echo "# vnu: the HTML pages"
java -jar "$node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "$work"/out/*.html "$work"/photos/*/index.html
echo "# ajv: ninjs 2.2"
(cd "$standards" && "$node_modules/.bin/ajv" validate --spec=draft2020 -c ajv-formats \
   -s ninjs-schema_2.2.json -r GeoJSON-stub.schema.json -d "$work/out/*.json")
(cd "$standards" && "$node_modules/.bin/ajv" validate --spec=draft2020 -c ajv-formats \
   -s ninjs-schema_2.2.json -r GeoJSON-stub.schema.json -d "$work/photos/*/index.json")
echo "# js-yaml: the front matter"
node "$here/node/check-front-matter.mjs" "$work"/out/*.md "$work"/photos/*/index.md
echo "# hugo: the page bundle builds, its pictures published beside the page"
site="$work/site"
mkdir -p "$site/content/posts" "$site/layouts/_default"
cp -r "$work/photos/ferries-return" "$site/content/posts/"
rm "$site/content/posts/ferries-return/index."{html,json,fragment.html}
printf 'baseURL = "https://example.org/"\ntitle = "Lede test"\n' > "$site/config.toml"
# Hugo's own templates look for feature* among the page's resources.
cat > "$site/layouts/_default/single.html" <<'LAYOUT'
<!DOCTYPE html><html><body>{{ with .Resources.GetMatch "feature*" }}<img class="feature" src="{{ .RelPermalink }}">{{ end }}
{{ range .Params.photos }}<p class="photo-credit">{{ .credit }}</p>{{ end }}
{{ .Content }}</body></html>
LAYOUT
hugo --quiet --buildDrafts --source "$site" --destination "$site/public"
page="$site/public/posts/ferries-return/index.html"
for want in 'class="feature" src="/posts/ferries-return/feature.jpg"' 'src="img-0042.png" alt="A ferry at the quay at dawn"' \
            'src="quay.webp" alt="Coiled ropes"' '<p class="photo-credit">Photo: Rhian Adair</p>'; do
  grep -qF "$want" "$page" || { echo "hugo's page lacks $want"; cat "$page"; exit 1; }
done
for picture in feature.jpg img-0042.png quay.webp; do
  cmp "$site/public/posts/ferries-return/$picture" "$work/photos/ferries-return/$picture" ||
    { echo "hugo did not publish $picture as it is"; exit 1; }
done
echo "hugo built the bundle"
