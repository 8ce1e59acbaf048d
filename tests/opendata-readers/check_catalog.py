"""Parses a built site's data/catalog.jsonld with rdflib, as a harvester (CKAN ckanext-dcat) does, and reads for the
catalog, each dataset and each distribution every DCAT-AP property ckanext-dcat maps (profiles/euro_dcat_ap_base.py
_parse_dataset_base, _parse_distribution, euro_dcat_ap_2.py; see docs/open-data.md). A property that is absent, or a
download URL that is not a file of the site, is an error (exit 1, listed on stderr). Prints one JSON line: for each
node its values, which the .NET test compares with site.yaml, the forms' dates, the jurisdictions and the file sizes."""
import json
import os
import sys

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

# What ckanext-dcat reads, by node kind: (key in the summary, property path). Every one must be present.
COMMON = [("title", (DCTERMS.title,)), ("description", (DCTERMS.description,)), ("language", (DCTERMS.language,)),
          ("licence", (DCTERMS.license,)), ("licence_title", (DCTERMS.license, DCTERMS.title)),
          ("issued", (DCTERMS.issued,)), ("modified", (DCTERMS.modified,))]
DATASET = COMMON + [("publisher", (DCTERMS.publisher, FOAF.name)), ("publisher_type", (DCTERMS.publisher, DCTERMS.type)),
                    ("contact_name", (DCAT.contactPoint, VCARD.fn)), ("contact_email", (DCAT.contactPoint, VCARD.hasEmail)), ("spatial", (DCTERMS.spatial, SKOS.prefLabel)),
                    ("start", (DCTERMS.temporal, DCAT.startDate)), ("end", (DCTERMS.temporal, DCAT.endDate)),
                    ("theme", (DCAT.theme,)), ("keyword", (DCAT.keyword,)), ("landing_page", (DCAT.landingPage,)),
                    ("access_rights", (DCTERMS.accessRights,)), ("distribution", (DCAT.distribution,))]
CATALOG = DATASET[:-3] + [("homepage", (FOAF.homepage,)), ("theme_taxonomy", (DCAT.themeTaxonomy,)), ("dataset", (DCAT.dataset,))]
DISTRIBUTION = [p for p in COMMON if p[0] != "description"] + [
    ("access_url", (DCAT.accessURL,)), ("download_url", (DCAT.downloadURL,)), ("media_type", (DCAT.mediaType,)),
    ("format", (DCTERMS.format,)), ("byte_size", (DCAT.byteSize,))]
# The contact point's address besides its e-mail (site.yaml contact_email, which every site tested gives).
CONTACT = [("contact_url", (DCAT.contactPoint, VCARD.hasURL))]


def main(site, base_url):
    graph = Graph()
    graph.parse(os.path.join(site, "data", "catalog.jsonld"), format="json-ld")
    missing = []

    def values(node, path):
        found = [node]
        for step in path:
            found = [v for value in found for v in graph.objects(value, step)]
        return found

    def read(kind, node, properties, optional=()):
        facts = {"kind": kind, "id": str(node)}
        for key, path in list(properties) + list(optional):
            found = values(node, path)
            if not found and (key, path) not in optional:
                missing.append(f"{kind} {node}: {' / '.join(graph.namespace_manager.normalizeUri(p) for p in path)}")
            facts[key] = sorted(str(v) for v in found)
            if key in ("issued", "modified", "start", "end"):
                facts[key + "_type"] = sorted(str(v.datatype) for v in found)
        return facts

    nodes = []
    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    for catalog in catalogs:
        nodes.append(read("catalog", catalog, CATALOG, CONTACT))
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    distributions = sorted({d for dataset in datasets for d in graph.objects(dataset, DCAT.distribution)})
    for dataset in datasets:
        nodes.append(read("dataset", dataset, DATASET, CONTACT))
    for distribution in distributions:
        facts = read("distribution", distribution, DISTRIBUTION)
        if (distribution, RDF.type, DCAT.Distribution) not in graph:
            missing.append(f"distribution {distribution}: rdf:type dcat:Distribution")
        for media in values(distribution, (DCAT.mediaType,)):
            if not isinstance(media, URIRef) or "iana.org/assignments/media-types/" not in str(media):
                missing.append(f"distribution {distribution}: media type {media} is not an IANA URI")
        facts["file_size"] = []
        for url in values(distribution, (DCAT.downloadURL,)):
            relative = str(url)[len(base_url):] if str(url).startswith(base_url) else None
            path = os.path.join(site, relative) if relative else None
            if not path or not os.path.isfile(path):
                missing.append(f"distribution {distribution}: download {url} is not a file of the site")
                continue
            facts["file_size"].append(str(os.path.getsize(path)))
        facts["byte_size"] = [str(int(s)) for s in values(distribution, (DCAT.byteSize,))]
        nodes.append(facts)

    print(json.dumps({"catalogs": len(catalogs), "datasets": len(datasets), "distributions": len(distributions), "nodes": nodes},
                     ensure_ascii=False))
    if missing:
        print("catalog.jsonld lacks:\n" + "\n".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
