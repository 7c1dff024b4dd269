<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Catalogue</name>
    <message>
        <source>The program is missing its catalogue file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue file %1 is damaged: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Create a database with the movement catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill a database with a deterministic synthetic province.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the registry to an interchange JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an interchange JSON file (all of it or nothing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the movements (the catalogue and the office&apos;s own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database: a SQLite file or a postgresql:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocs, %2 units, %3 people, %4 movements, %5 ratings, %6 awards, %7 initiatives, %8 disciplines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; already exists; init does not overwrite a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 (schema version %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo province: %1 units, %2 people, %3 ratings, %4 awards, %5 initiatives, %6 disciplines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON file to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text (default) or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be text or json, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: vinhdanh-cli COMMAND [options]   (vinhdanh-cli COMMAND --help for its options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global option: --lang vi|en (or VINHDANH_LANG) chooses the language of messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vinhdanh-cli: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vinhdanh-cli %1: unexpected argument &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Provincial agency or unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune or ward People&apos;s Committee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department inside a unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatherland Front or socio-political organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooperative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulation cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulation bloc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official (cán bộ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civil servant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrepreneur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTXSNV – completed tasks excellently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTNV – completed tasks well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTNV – completed tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KHTNV – did not complete tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merit and achievement (regular)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-off outstanding achievement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periodic or thematic movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grassroots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprimand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salary grade reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissal from post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forced termination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other sanction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interim review (sơ kết)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final review (tổng kết)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectives and individuals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The SQLite connection handle is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not register the Vietnamese sort order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is still used by other records, or refers to a record that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not carry out the operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a database transaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the changes to the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database driver %1 is not installed (Debian package %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Vinh Danh database file (it is not an SQLite database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This SQLite library cannot enforce foreign keys; the database is not safe to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not switch the database to write-ahead logging (journal mode is %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not replace the file &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy can only be saved from a SQLite database file; use the server&apos;s own backup for PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program is missing its schema file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was not made by Vinh Danh (it has tables but no Vinh Danh schema version). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was made by a newer version of Vinh Danh (schema version %1; this program knows up to version %2). Install the newer version to open it. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 (%2) failed; the file was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <source>Could not write the file &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: each record must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 &quot;%3&quot; is neither in the file nor in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: give either &quot;person&quot; or &quot;unit&quot;, not both and not neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the unknown code &quot;%1&quot; (expected one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Vinh Danh interchange file (&quot;format&quot; must be &quot;vinhdanh-interchange&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was written by a newer version of Vinh Danh (format version %1); this program reads version 1. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be cum or khoi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emulation bloc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successor unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a unit cannot be its own parent or successor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the parent units form a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CCCD number %1 is also given to %2 in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is a catalogue movement, which an import cannot replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known award form: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be given to this kind of recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the holder &quot;%2&quot; is neither in the file nor in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the file &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not valid JSON (at character %2: %3). Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not a Vinh Danh interchange file. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <source>%1: &quot;%2&quot; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid date (YYYY-MM-DD): &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MovementHtml</name>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of years</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not numbered (left blank in the plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not dated (left blank in the plan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>signer: title, then name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>review kind, then year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominee categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>award name, then occasion</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(movement without a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue movement (read-only). Copy it to adapt it for your office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied from the catalogue movement %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MovementJson</name>
    <message>
        <source>must be a list of objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the unknown code &quot;%1&quot; (expected one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be so_ket, tong_ket or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be collective or individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names the category &quot;%1&quot;, which is not in &quot;categories&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MovementRepository</name>
    <message>
        <source>The movement name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the first year of the movement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movement ends (%1) before it starts (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase &quot;%1&quot; ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review year %1 of phase &quot;%2&quot; is outside the movement&apos;s period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every nominee category needs a code and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The category code &quot;%1&quot; is used twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The award code &quot;%1&quot; is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A standard names the category &quot;%1&quot;, which the movement does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movement no longer exists; it may have been deleted by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movements of the built-in catalogue cannot be changed. Make a copy and edit the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movement to copy no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <extracomment>Suffix added to the name of a copied movement</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movements of the built-in catalogue cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movement cannot be deleted: %1 award(s) in the ledger refer to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MovementText</name>
    <message>
        <source>catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase %1: %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awards (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 content areas, %2 nominee categories, %3 standards groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonRepository</name>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in the ledger</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initiative(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The CCCD number %1 already belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person no longer exists; the record may have been deleted by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person cannot be deleted: the record still has %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCalendarWidget</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordRepository</name>
    <message>
        <source>The award form %1 is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is awarded to collectives, not to individuals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is awarded to individuals, not to collectives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The award cannot be deleted: %1 initiative(s) are recorded as used for it. Clear that first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An initiative can only be used for an award of one of its holders.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>A demo province needs at least %1 units, one of each kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A demo province can have at most %1 units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of people in a demo province must be between 0 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last year of the demo data must be between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database already has units. Demo data is only added to an empty database, so that it never mixes with a real registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating emulation blocs and units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding people, ratings and awards: %1 of %2 units…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awarding the emulation flags of the blocs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the demo province…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitRepository</name>
    <message numerus="yes">
        <source>%n sub-unit(s) belong to it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) name it as their successor</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) work in it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in its ledger</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A unit cannot be placed under one of its own sub-units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit no longer exists; it may have been deleted by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit cannot be deleted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the emulation cluster or bloc is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whether it is an emulation cluster (cụm) or bloc (khối).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The year %1 is not valid; enter a year between 1945 and 2200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose either a person or a unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The valid-to date (%1) is before the valid-from date (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unit cannot be its own parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unit cannot succeed itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the full name (family name, middle name and given name), not only one word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the unit the person works in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the person&apos;s category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gender must be male or female.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is before 1900.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CCCD number must have exactly 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task rating must be one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the award form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of award must be one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision date %1 is before the achievement year %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The initiative title is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The initiative level must be one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An initiative needs at least one holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of discipline must be one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date of the discipline is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discipline ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AwardDialog</name>
    <message>
        <source>Edit award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Chairman of the Provincial People&apos;s Committee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Award:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year of achievement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::BlocDialog</name>
    <message>
        <source>New emulation bloc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bloc name is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a date; write it as dd/mm/yyyy, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DisciplineDialog</name>
    <message>
        <source>Edit discipline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add discipline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty while the discipline is still in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::EditableTable</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::InitiativeDialog</name>
    <message>
        <source>Edit initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::ListPage</name>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: type part of a name, with or without accents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MainWindow</name>
    <message>
        <source>Vinh Danh databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Vinh Danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open. Open an existing database file, or create a new one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 already exists. Choose another name, or use File ▸ Open to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (postgresql://user:password@host:port/database):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server address starts with postgresql://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file: this is the database that is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language will be used the next time you start Vinh Danh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Vinh Danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vinh Danh %1&lt;/h3&gt;&lt;p&gt;Emulation and commendation records for Vietnamese offices: units, people, yearly ratings, titles, awards and movements.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – Vinh Danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vinh Danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementEditorDialog</name>
    <message>
        <source>Edit movement – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a catalogue movement and cannot be changed. Copy it and edit the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movement&apos;s quoted name, e.g. Digital transformation 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan&apos;s title line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty when the plan is not numbered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the movement runs, e.g. the province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan n&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s t&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer&apos;s na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents the plan is based on, one per row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phases in order; a phase may end in an interim or a final review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbered contents of the movement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who competes. Standards refer to a category by its code; unit kinds apply to collectives, person categories to individuals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cat&amp;egories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The award forms the plan names, per occasion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Awards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tandards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines and other facts from the plan, one per row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The standards of the selected group, one item per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standards grouped by award and nominee category. Select a group to edit its items below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementListModel</name>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of years</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not numbered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue movement (read-only). Copy it to adapt it for your office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementsView</name>
    <message>
        <source>&amp;New movement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a movement of your own from an empty form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an editable copy of the selected movement (the usual way to start from the catalogue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, issuer, scope or plan number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue movements are read-only: use Copy to make your own version, then edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue movements are read-only: copy this one first, then edit the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue movements cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movement no longer exists; it may have been deleted by someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The copy is your own movement: edit it to adapt it for your office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the movement “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the movement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PeopleView</name>
    <message>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(all units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the person “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits, optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name, middle name and given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CCCD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person no longer exists; another user may have deleted the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unit is called “%1”; choose the unit from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PersonListModel</name>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PersonPage</name>
    <message>
        <source>&amp;Edit person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CCCD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RatingDialog</name>
    <message>
        <source>Edit rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RecordSection</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RecordsWidget</name>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulation titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for an award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disciplines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no task rating to remove; its titles are entries of the award ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the task rating of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1” (%2) from the ledger?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the initiative “%1”? It is removed for all its holders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this discipline (%1, from %2)?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New bloc…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parent unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulation &amp;bloc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Succeeded by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit this one was merged into or renamed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit no longer exists; another user may have deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unit is called “%1”; choose the parent unit from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unit is called “%1”; choose the successor from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulation bloc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitPage</name>
    <message>
        <source>&amp;Edit unit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emulation bloc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitsView</name>
    <message>
        <source>Delete the unit “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Vinh Danh: emulation and commendation records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open FILE: a database file, or a postgresql:// server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE.png, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
