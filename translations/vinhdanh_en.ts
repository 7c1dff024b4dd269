<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AuditChain</name>
    <message numerus="yes">
        <source>The audit log is intact: %n row(s) verified; the newest is #%1 (hash %2…).</source>
        <translation>
            <numerusform>The audit log is intact: %n row verified; the newest is #%1 (hash %2…).</numerusform>
            <numerusform>The audit log is intact: %n rows verified; the newest is #%1 (hash %2…).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message numerus="yes">
        <source>Imported %Ln row(s): %1</source>
        <translation>
            <numerusform>Imported %Ln row: %1</numerusform>
            <numerusform>Imported %Ln rows: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln row(s) from the file %1: %2</source>
        <translation>
            <numerusform>Imported %Ln row from the file %1: %2</numerusform>
            <numerusform>Imported %Ln rows from the file %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln row(s) from the file %1 (SHA-256 %2): %3</source>
        <translation>
            <numerusform>Imported %Ln row from the file %1 (SHA-256 %2): %3</numerusform>
            <numerusform>Imported %Ln rows from the file %1 (SHA-256 %2): %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n candidate(s).</source>
        <translation>
            <numerusform>%n candidate.</numerusform>
            <numerusform>%n candidates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nominee(s)</source>
        <translation>
            <numerusform>%n nominee</numerusform>
            <numerusform>%n nominees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s).</source>
        <translation>
            <numerusform>%n dossier.</numerusform>
            <numerusform>%n dossiers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n nominee(s) added to the dossier %1.</source>
        <translation>
            <numerusform>Imported: %n nominee added to the dossier %1.</numerusform>
            <numerusform>Imported: %n nominees added to the dossier %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened the sitting %1 (%2, %3) with the members of the last sitting and put %n nominee(s) of the dossier %4 before it.</source>
        <translation>
            <numerusform>Opened the sitting %1 (%2, %3) with the members of the last sitting and put %n nominee of the dossier %4 before it.</numerusform>
            <numerusform>Opened the sitting %1 (%2, %3) with the members of the last sitting and put %n nominees of the dossier %4 before it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put %n nominee(s) of the dossier %1 before the sitting %2.</source>
        <translation>
            <numerusform>Put %n nominee of the dossier %1 before the sitting %2.</numerusform>
            <numerusform>Put %n nominees of the dossier %1 before the sitting %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s).</source>
        <translation>
            <numerusform>%n decision.</numerusform>
            <numerusform>%n decisions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n awardee(s) from the sitting.</source>
        <translation>
            <numerusform>%n awardee from the sitting.</numerusform>
            <numerusform>%n awardees from the sitting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %1 of %2: %n awardee(s), total %3 đồng.</source>
        <translation>
            <numerusform>Issued %1 of %2: %n awardee, total %3 đồng.</numerusform>
            <numerusform>Issued %1 of %2: %n awardees, total %3 đồng.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) on %1 saved to %2.</source>
        <translation>
            <numerusform>%n certificate on %1 saved to %2.</numerusform>
            <numerusform>%n certificates on %1 saved to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s) of units.</source>
        <translation>
            <numerusform>%n likely duplicate pair of units.</numerusform>
            <numerusform>%n likely duplicate pairs of units.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s) of people.</source>
        <translation>
            <numerusform>%n likely duplicate pair of people.</numerusform>
            <numerusform>%n likely duplicate pairs of people.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dedup</name>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation>
            <numerusform>%n yearly rating</numerusform>
            <numerusform>%n yearly ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in the ledger</source>
        <translation>
            <numerusform>%n award in the ledger</numerusform>
            <numerusform>%n awards in the ledger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initiative(s) as author</source>
        <translation>
            <numerusform>%n initiative as author</numerusform>
            <numerusform>%n initiatives as author</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation>
            <numerusform>%n disciplinary record</numerusform>
            <numerusform>%n disciplinary records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nomination(s) in dossiers</source>
        <translation>
            <numerusform>%n nomination in dossiers</numerusform>
            <numerusform>%n nominations in dossiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) on decisions&apos; lists</source>
        <translation>
            <numerusform>%n place on decisions&apos; lists</numerusform>
            <numerusform>%n places on decisions&apos; lists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) of standards</source>
        <translation>
            <numerusform>%n confirmation of standards</numerusform>
            <numerusform>%n confirmations of standards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s) in bình xét minutes</source>
        <translation>
            <numerusform>%n mention in bình xét minutes</numerusform>
            <numerusform>%n mentions in bình xét minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) under it</source>
        <translation>
            <numerusform>%n unit under it</numerusform>
            <numerusform>%n units under it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier unit(s) it succeeded</source>
        <translation>
            <numerusform>%n earlier unit it succeeded</numerusform>
            <numerusform>%n earlier units it succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) working in it</source>
        <translation>
            <numerusform>%n person working in it</numerusform>
            <numerusform>%n people working in it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clerk account(s)</source>
        <translation>
            <numerusform>%n clerk account</numerusform>
            <numerusform>%n clerk accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) it proposed</source>
        <translation>
            <numerusform>%n dossier it proposed</numerusform>
            <numerusform>%n dossiers it proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bình xét minutes it held</source>
        <translation>
            <numerusform>%n bình xét minutes it held</numerusform>
            <numerusform>%n bình xét minutes it held</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonRepository</name>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation>
            <numerusform>%n yearly rating</numerusform>
            <numerusform>%n yearly ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in the ledger</source>
        <translation>
            <numerusform>%n award in the ledger</numerusform>
            <numerusform>%n awards in the ledger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initiative(s)</source>
        <translation>
            <numerusform>%n initiative</numerusform>
            <numerusform>%n initiatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation>
            <numerusform>%n disciplinary record</numerusform>
            <numerusform>%n disciplinary records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message numerus="yes">
        <source>%1; and %n more</source>
        <translation>
            <numerusform>%1; and %n more</numerusform>
            <numerusform>%1; and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message numerus="yes">
        <source>%n row(s) of the sheet have errors; nothing was written. Correct the file (or leave those rows out) and import it again.</source>
        <translation>
            <numerusform>%n row of the sheet has errors; nothing was written. Correct the file (or leave those rows out) and import it again.</numerusform>
            <numerusform>%n rows of the sheet have errors; nothing was written. Correct the file (or leave those rows out) and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the list have errors; nothing was written. Correct the file (or give a proceed reason) and import it again.</source>
        <translation>
            <numerusform>%n row of the list has errors; nothing was written. Correct the file (or give a proceed reason) and import it again.</numerusform>
            <numerusform>%n rows of the list have errors; nothing was written. Correct the file (or give a proceed reason) and import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitRepository</name>
    <message numerus="yes">
        <source>%n sub-unit(s) belong to it</source>
        <translation>
            <numerusform>%n sub-unit belongs to it</numerusform>
            <numerusform>%n sub-units belong to it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) name it as their successor</source>
        <translation>
            <numerusform>%n unit names it as its successor</numerusform>
            <numerusform>%n units name it as their successor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) work in it</source>
        <translation>
            <numerusform>%n person works in it</numerusform>
            <numerusform>%n people work in it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation>
            <numerusform>%n yearly rating</numerusform>
            <numerusform>%n yearly ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in its ledger</source>
        <translation>
            <numerusform>%n award in its ledger</numerusform>
            <numerusform>%n awards in its ledger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation>
            <numerusform>%n disciplinary record</numerusform>
            <numerusform>%n disciplinary records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AttachmentsPanel</name>
    <message numerus="yes">
        <source>%n required document(s) missing.</source>
        <translation>
            <numerusform>%n required document missing.</numerusform>
            <numerusform>%n required documents missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AuditView</name>
    <message numerus="yes">
        <source>%n change(s); the newest %1 are shown, scroll for more.</source>
        <translation>
            <numerusform>%n change; the newest %1 are shown, scroll for more.</numerusform>
            <numerusform>%n changes; the newest %1 are shown, scroll for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n change.</numerusform>
            <numerusform>%n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CandidatesView</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) match the filters</source>
        <translation>
            <numerusform>%1 of %n row matches the filters</numerusform>
            <numerusform>%1 of %n rows match the filters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CertificateDialog</name>
    <message numerus="yes">
        <source>%n certificate(s) saved to %1.</source>
        <translation>
            <numerusform>%n certificate saved to %1.</numerusform>
            <numerusform>%n certificates saved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) sent to %1.</source>
        <translation>
            <numerusform>%n certificate sent to %1.</numerusform>
            <numerusform>%n certificates sent to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CouncilView</name>
    <message numerus="yes">
        <source>%n sitting(s)</source>
        <translation>
            <numerusform>%n sitting</numerusform>
            <numerusform>%n sittings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DecisionPage</name>
    <message numerus="yes">
        <source>Replace the %n awardee(s) listed by the sitting&apos;s result?</source>
        <translation>
            <numerusform>Replace the %n awardee listed by the sitting&apos;s result?</numerusform>
            <numerusform>Replace the %n awardees listed by the sitting&apos;s result?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issue decision %1 dated %2 with %n awardee(s)? The awards are written to the registry, and the decision can no longer be changed (a correction needs an amending decision).</source>
        <translation>
            <numerusform>Issue decision %1 dated %2 with %n awardee? The awards are written to the registry, and the decision can no longer be changed (a correction needs an amending decision).</numerusform>
            <numerusform>Issue decision %1 dated %2 with %n awardees? The awards are written to the registry, and the decision can no longer be changed (a correction needs an amending decision).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DecisionsView</name>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n decision</numerusform>
            <numerusform>%n decisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DossierPage</name>
    <message numerus="yes">
        <source>%n required document(s) of the dossier are not attached:</source>
        <translation>
            <numerusform>%n required document of the dossier is not attached:</numerusform>
            <numerusform>%n required documents of the dossier are not attached:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DossiersView</name>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n likely pair(s)</source>
        <translation>
            <numerusform>%n likely pair</numerusform>
            <numerusform>%n likely pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln unit(s)</source>
        <translation>
            <numerusform>%Ln unit</numerusform>
            <numerusform>%Ln units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MinutesDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n nominee(s) (%1), confirm the facts of %2 that count for every award form: not under disciplinary review, solidarity and active emulation, compliance with the law. The evidence names the minutes.</source>
        <translation>
            <numerusform>For %n nominee (%1), confirm the facts of %2 that count for every award form: not under disciplinary review, solidarity and active emulation, compliance with the law. The evidence names the minutes.</numerusform>
            <numerusform>For %n nominees (%1), confirm the facts of %2 that count for every award form: not under disciplinary review, solidarity and active emulation, compliance with the law. The evidence names the minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other selected nominee(s) have nothing awaiting confirmation and are left out.</source>
        <translation>
            <numerusform>%n other selected nominee has nothing awaiting confirmation and is left out.</numerusform>
            <numerusform>%n other selected nominees have nothing awaiting confirmation and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n item(s) from %1</source>
        <translation>
            <numerusform>Confirmed %n item from %1</numerusform>
            <numerusform>Confirmed %n items from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n confirmed already)</source>
        <translation>
            <numerusform>(%n confirmed already)</numerusform>
            <numerusform>(%n confirmed already)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chosen nominee(s) not named in the minutes were left as they were.</source>
        <translation>
            <numerusform>%n chosen nominee not named in the minutes was left as they were.</numerusform>
            <numerusform>%n chosen nominees not named in the minutes were left as they were.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementEditorDialog</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementsView</name>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation>
            <numerusform>%n movement</numerusform>
            <numerusform>%n movements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::NomineeTableModel</name>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n warning:</numerusform>
            <numerusform>%n warnings:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PeopleView</name>
    <message numerus="yes">
        <source>%n person(s) match</source>
        <translation>
            <numerusform>%n person matches</numerusform>
            <numerusform>%n people match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::SittingPage</name>
    <message numerus="yes">
        <source>%1: %2 — %3 (%n nominee(s))</source>
        <comment>register number: title — unit</comment>
        <translation>
            <numerusform>%1: %2 — %3 (%n nominee)</numerusform>
            <numerusform>%1: %2 — %3 (%n nominees)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::TallyEditor</name>
    <message numerus="yes">
        <source>Voters: %1 (%n member(s) with a conflict of interest left out). Needed: %2.</source>
        <translation>
            <numerusform>Voters: %1 (%n member with a conflict of interest left out). Needed: %2.</numerusform>
            <numerusform>Voters: %1 (%n members with a conflict of interest left out). Needed: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitsView</name>
    <message numerus="yes">
        <source>%n unit(s) match</source>
        <translation>
            <numerusform>%n unit matches</numerusform>
            <numerusform>%n units match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required document(s) of the dossier are missing: %1. Attach them, or give the reason to %2 it without them (it is kept in the dossier&apos;s history).</source>
        <translation>
            <numerusform>%n required document of the dossier is missing: %1. Attach them, or give the reason to %2 it without them (it is kept in the dossier&apos;s history).</numerusform>
            <numerusform>%n required documents of the dossier are missing: %1. Attach them, or give the reason to %2 it without them (it is kept in the dossier&apos;s history).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; the same form is not given again within %n year(s).</source>
        <translation>
            <numerusform>%1; the same form is not given again within %n year.</numerusform>
            <numerusform>%1; the same form is not given again within %n years.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nominee(s) of the sitting have no vote recorded. Record every tally before closing the sitting.</source>
        <translation>
            <numerusform>%n nominee of the sitting has no vote recorded. Record every tally before closing the sitting.</numerusform>
            <numerusform>%n nominees of the sitting have no vote recorded. Record every tally before closing the sitting.</numerusform>
        </translation>
    </message>
</context>
</TS>
