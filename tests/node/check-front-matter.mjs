// Reads each exported Markdown file's front matter with a real YAML parser
// (js-yaml) and checks it against the same story's ninjs export, read with
// JSON.parse: two formats, two parsers, the same values.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

let failures = 0;
for (const md of process.argv.slice(2)) {
  const text = readFileSync(md, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) { console.error(`${md}: no front matter`); failures++; continue; }
  const front = yaml.load(match[1], { schema: yaml.DEFAULT_SCHEMA });
  const ninjs = JSON.parse(readFileSync(md.replace(/\.md$/, ".json"), "utf8"));
  const expect = {
    // ninjs leaves out what is empty: a story with no headline has no
    // headlines, and descriptions may hold corrections without a summary.
    title: ninjs.headlines?.[0]?.value ?? "",
    description: ninjs.descriptions?.find((d) => d.role === "summary")?.value,
    byline: ninjs.by ?? "",
    dateline: ninjs.located ?? "",
    slug: ninjs.slugline,
    tags: (ninjs.subjects ?? []).map((s) => s.name),
    uuid: ninjs.uri.replace("urn:uuid:", ""),
  };
  for (const [key, value] of Object.entries(expect)) {
    if (JSON.stringify(front[key]) !== JSON.stringify(value)) {
      console.error(`${md}: ${key} is ${JSON.stringify(front[key])}, expected ${JSON.stringify(value)}`);
      failures++;
    }
  }
  if (ninjs.embargoed && new Date(front.embargo).toISOString().replace(".000", "") !== ninjs.embargoed) {
    console.error(`${md}: embargo ${front.embargo} is not ${ninjs.embargoed}`);
    failures++;
  }
  // A story's photos: the front matter's and ninjs's associations agree.
  const photos = front.photos ?? [];
  const associations = ninjs.associations ?? [];
  if (photos.length !== associations.length) {
    console.error(`${md}: ${photos.length} photos, but ${associations.length} associations in ninjs`);
    failures++;
  }
  photos.forEach((photo, i) => {
    const association = associations[i] ?? {};
    const said = (role) => association.descriptions?.find((d) => d.role === role)?.value ?? "";
    const got = { file: association.renditions?.[0]?.title, caption: said("caption"), credit: association.by ?? "",
                  alt: said("alt"), role: association.name === "lead" ? "lead" : "body" };
    for (const key of Object.keys(got)) {
      if (photo[key] !== got[key]) {
        console.error(`${md}: photo ${i} ${key} is ${JSON.stringify(photo[key])}, ninjs says ${JSON.stringify(got[key])}`);
        failures++;
      }
    }
  });
  console.log(`${md}: front matter parses to the story's values`);
}
process.exit(failures ? 1 : 0);
