#!/usr/bin/env python3
"""Writes the forms of a PerfDisclosure build (site/data/forms.json) as a Hugo site's content, so Hugo renders
the same forms with comparable templates (bench/hugo/site/layouts). Usage: export.py FORMS_JSON HUGO_SITE_DIR"""
import json, os, sys

forms_json, site = sys.argv[1], sys.argv[2]
content = os.path.join(site, "content")
with open(forms_json, encoding="utf-8") as f:
    forms = json.load(f)

orgs = {}
for form in forms:
    folder = os.path.join(content, form["owner"], str(form["year"]))
    os.makedirs(folder, exist_ok=True)
    orgs.setdefault(form["owner"], (form["owner_name"], set()))[1].add(form["year"])
    front = {
        "title": form["project_name"],
        "form": form,
    }
    slug = form["id"].rsplit("/", 1)[1]
    with open(os.path.join(folder, slug + ".md"), "w", encoding="utf-8") as out:
        json.dump(front, out, ensure_ascii=False)
        out.write("\n")

for owner, (name, years) in orgs.items():
    with open(os.path.join(content, owner, "_index.md"), "w", encoding="utf-8") as out:
        json.dump({"title": name}, out, ensure_ascii=False)
        out.write("\n")
    for year in years:
        with open(os.path.join(content, owner, str(year), "_index.md"), "w", encoding="utf-8") as out:
            json.dump({"title": f"{name} {year}年度"}, out, ensure_ascii=False)
            out.write("\n")
print(f"exported {len(forms)} forms of {len(orgs)} organisations to {content}")
