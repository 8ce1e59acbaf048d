"""Parses a built site's data/catalog.jsonld with rdflib, as a harvester (CKAN ckanext-dcat) does, and asserts
every DCAT-AP property ckanext-dcat maps for the catalog, each dataset and each distribution, with byte sizes
that match the files on disk. Prints one JSON summary line; exits non-zero with the missing properties."""
import json
import os
import sys

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


def main(site, base_url):
    graph = Graph()
    graph.parse(os.path.join(site, "data", "catalog.jsonld"), format="json-ld")
    missing = []

    def need(node, what, *path):
        values = [node]
        for step in path:
            values = [v for value in values for v in graph.objects(value, step)]
        if not values:
            missing.append(f"{what}: {' / '.join(graph.namespace_manager.normalizeUri(p) for p in path)}")
        return values

    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    if len(catalogs) != 1:
        missing.append(f"{len(catalogs)} catalogs")
    for catalog in catalogs:
        for path in [(DCTERMS.title,), (DCTERMS.description,), (DCTERMS.language,), (DCTERMS.license,), (DCTERMS.issued,), (DCTERMS.modified,),
                     (FOAF.homepage,), (DCTERMS.publisher, FOAF.name), (DCTERMS.publisher, DCTERMS.type), (DCTERMS.spatial, SKOS.prefLabel), (DCAT.dataset,)]:
            need(catalog, "catalog", *path)

    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    distributions = set()
    for dataset in datasets:
        what = f"dataset {dataset}"
        for path in [(DCTERMS.title,), (DCTERMS.description,), (DCTERMS.identifier,), (DCTERMS.language,), (DCTERMS.issued,), (DCTERMS.modified,),
                     (DCTERMS.publisher, FOAF.name), (DCTERMS.publisher, DCTERMS.type), (DCAT.contactPoint, VCARD.fn), (DCAT.contactPoint, VCARD.hasEmail),
                     (DCTERMS.spatial, SKOS.prefLabel), (DCTERMS.temporal, DCAT.startDate), (DCTERMS.temporal, DCAT.endDate), (DCAT.theme,), (DCAT.keyword,),
                     (DCAT.landingPage,), (DCTERMS.accessRights,), (DCAT.distribution,)]:
            need(dataset, what, *path)
        distributions.update(graph.objects(dataset, DCAT.distribution))

    for distribution in distributions:
        what = f"distribution {distribution}"
        for path in [(DCTERMS.title,), (DCAT.accessURL,), (DCTERMS.format,), (DCTERMS.license,), (DCTERMS.issued,), (DCTERMS.modified,)]:
            need(distribution, what, *path)
        if (distribution, RDF.type, DCAT.Distribution) not in graph:
            missing.append(f"{what}: rdf:type dcat:Distribution")
        for media in need(distribution, what, DCAT.mediaType):
            if not isinstance(media, URIRef) or "/media-types/" not in str(media):
                missing.append(f"{what}: media type {media} is not an IANA URI")
        for url in need(distribution, what, DCAT.downloadURL):
            relative = str(url)[len(base_url):] if str(url).startswith(base_url) else None
            path = os.path.join(site, relative) if relative else None
            if not path or not os.path.isfile(path):
                missing.append(f"{what}: download {url} is not a file of the site")
                continue
            for size in need(distribution, what, DCAT.byteSize):
                if int(size) != os.path.getsize(path):
                    missing.append(f"{what}: byte size {size}, file has {os.path.getsize(path)}")

    publisher_names = sorted({str(n) for n in graph.objects(None, FOAF.name)})
    print(json.dumps({"catalogs": len(catalogs), "datasets": len(datasets), "distributions": len(distributions),
                      "publishers": publisher_names, "licences": sorted({str(l) for l in graph.objects(None, DCTERMS.license)})},
                     ensure_ascii=False))
    if missing:
        print("catalog.jsonld lacks:\n" + "\n".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
