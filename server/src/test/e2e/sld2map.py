#!/usr/bin/env python3
"""MapServer CLASS blocks from a LandLedger SLD (GET /styles/LAYER.sld), so MapServer draws exactly the classes,
colours and outlines LandLedger draws: a rule's PropertyIsEqualTo values (outside any Not) become a list
expression {a,b,…} on CLASSITEM; the rule without its own values (Not(Or(…)), the else rule) becomes the last
CLASS, without EXPRESSION. Hatches are not translated (the fill colour is). Usage: sld2map.py SLD > classes
Prints "CLASSITEM name" then the CLASS blocks."""
import sys
import xml.etree.ElementTree as ET

NS = {"sld": "http://www.opengis.net/sld", "ogc": "http://www.opengis.net/ogc"}


def own_values(flt):
    """(property, values) compared for equality outside ogc:Not."""
    prop, vals = None, []

    def walk(e, negated):
        nonlocal prop
        tag = e.tag.split("}")[1]
        if tag == "Not":
            negated = True
        if tag == "PropertyIsEqualTo" and not negated:
            prop = e.find("ogc:PropertyName", NS).text
            vals.append(e.find("ogc:Literal", NS).text)
        for k in e:
            walk(k, negated)
    if flt is not None:
        walk(flt, False)
    return prop, vals


def css(sym, name):
    for p in sym.iter("{http://www.opengis.net/sld}CssParameter"):
        if p.get("name") == name:
            return p.text
    return None


def rgb(hexcolour):
    h = hexcolour.lstrip("#")
    return "%d %d %d" % (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


root = ET.parse(sys.argv[1]).getroot()
item, classes, fallback = None, [], None
for rule in root.iter("{http://www.opengis.net/sld}Rule"):
    prop, vals = own_values(rule.find("ogc:Filter", NS))
    sym = rule.find("sld:PolygonSymbolizer", NS)
    fill = sym.find("sld:Fill", NS)
    stroke = sym.find("sld:Stroke", NS)
    style = ["STYLE"]
    if fill is not None and css(fill, "fill"):
        opacity = float(css(fill, "fill-opacity") or 1)
        style.append("COLOR %s OPACITY %d" % (rgb(css(fill, "fill")), round(opacity * 100)))
    if stroke is not None and css(stroke, "stroke"):
        style.append("OUTLINECOLOR %s WIDTH %s" % (rgb(css(stroke, "stroke")), css(stroke, "stroke-width") or "1"))
    style.append("END")
    block = "    CLASS %s %s END" % ("EXPRESSION {%s}" % ",".join(vals) if vals else "", " ".join(style))
    if vals:
        item = item or prop
        classes.append(block)
    else:
        fallback = block
print("    CLASSITEM \"%s\"" % item if item else "")
print("\n".join(classes + ([fallback] if fallback else [])))
