# Fills translations/vinhdanh_en.ts, the English plural-only catalogue, after update_translations:
#   python3 scripts/english-plurals.py translations/vinhdanh_en.ts
# The singular and plural come from the "(s)" of the source; SINGULAR_FIX holds the sources
# whose singular also changes a verb. Every numerus entry is rewritten, so edit this file, not the .ts.
import sys, re
import xml.etree.ElementTree as ET
ts = sys.argv[1]
# Sources whose singular needs more than dropping "(s)" (verb agreement).
SINGULAR_FIX = [
    (' person(s) work in it', ' person works in it'),
    (' unit(s) name it as their successor', ' unit names it as its successor'),
    (' sub-unit(s) belong to it', ' sub-unit belongs to it'),
    (' nominee(s) of the sitting have no vote recorded', ' nominee of the sitting has no vote recorded'),
    (' other selected nominee(s) have nothing awaiting confirmation and are left out', ' other selected nominee has nothing awaiting confirmation and is left out'),
    (' required document(s) missing', ' required document missing'),
    (' required document(s) of the dossier are missing', ' required document of the dossier is missing'),
    (' required document(s) of the dossier are not attached', ' required document of the dossier is not attached'),
    (' row(s) of the list have errors', ' row of the list has errors'),
    (' row(s) of the sheet have errors', ' row of the sheet has errors'),
    (' chosen nominee(s) not named in the minutes were left', ' chosen nominee not named in the minutes was left'),
    (' person(s) match', ' person matches'),
    (' unit(s) match', ' unit matches'),
    (' row(s) match the filters', ' row matches the filters'),
]
def singular(s):
    for a, b in SINGULAR_FIX:
        s = s.replace(a, b)
    s = s.replace('person(s)', 'person')
    return s.replace('(s)', '')
def plural(s):
    s = s.replace('person(s)', 'people')
    return s.replace('(s)', 's')
tree = ET.parse(ts)
n = 0
for m in tree.getroot().iter('message'):
    if m.get('numerus') != 'yes':
        continue
    src = m.find('source').text
    t = m.find('translation')
    forms = t.findall('numerusform')
    while len(forms) < 2:
        ET.SubElement(t, 'numerusform'); forms = t.findall('numerusform')
    forms[0].text = singular(src)
    forms[1].text = plural(src)
    if 'type' in t.attrib:
        del t.attrib['type']
    n += 1
tree.write(ts, encoding='utf-8', xml_declaration=True)
s = open(ts, encoding='utf-8').read()
if '<!DOCTYPE TS>' not in s:
    s = s.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
open(ts, 'w', encoding='utf-8').write(s)
print('filled', n)
