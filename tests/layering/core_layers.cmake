# The layers of core, lowest first: a folder may include its own files and the folders of the
# layers below it, never its own layer's other folders nor a layer above. So the table is a
# strict order and a cycle between folders cannot pass. Every folder of core/ must have a row;
# core/error.h and core/settings.h (core's root) may be included from anywhere.
# Checked by includes.cmake ("layering: core folders include only the layers below").
set(core_layers
    # text and language helpers, plain records and code lists: Qt only
    "text i18n domain"
    # one connection, queries, transactions, change notices: knows no schema
    "db"
    "accounts"
    # the audit triggers, their hash chain, bulk writes
    "audit"
    # the shipped movements and award forms, as read from the resources
    "catalogue"
    # units, people, their records, movements, keys, search
    "registry"
    "eligibility"
    # what the award path's three folders share: codes, state machines, register numbers, pay data
    "proposals"
    "dossiers"
    # council sittings; decisions
    "council decisions"
    # the audit log in words, likely duplicates, the schema's assembly (opening a database)
    "auditlog dedup store"
    # the users of everything below: spreadsheets in, the JSON interchange, documents, the demo
    "tables interchange documents demo"
)
