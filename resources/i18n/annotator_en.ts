<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActorRegisterDialog</name>
    <message numerus="yes">
        <source>%Ln span(s) link to what was deleted; they keep its id.</source>
        <translation>
            <numerusform>%Ln span link to what was deleted; they keep its id.</numerusform>
            <numerusform>%Ln spans link to what was deleted; they keep its id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln actor(s) read; press OK to save them.</source>
        <translation>
            <numerusform>%Ln actor read; press OK to save them.</numerusform>
            <numerusform>%Ln actors read; press OK to save them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln actor(s) written.</source>
        <translation>
            <numerusform>%Ln actor written.</numerusform>
            <numerusform>%Ln actors written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message numerus="yes">
        <source>%Ln article(s) with spans in either layer.</source>
        <translation>
            <numerusform>%Ln article with spans in either layer.</numerusform>
            <numerusform>%Ln articles with spans in either layer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) marked done in both layers.</source>
        <translation>
            <numerusform>%Ln article marked done in both layers.</numerusform>
            <numerusform>%Ln articles marked done in both layers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message numerus="yes">
        <source>%Ln+ article(s) match, counting…</source>
        <translation>
            <numerusform>%Ln+ article matches, counting…</numerusform>
            <numerusform>%Ln+ articles match, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) match</source>
        <translation>
            <numerusform>%Ln article matches</numerusform>
            <numerusform>%Ln articles match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ article(s), counting…</source>
        <translation>
            <numerusform>%Ln+ article, counting…</numerusform>
            <numerusform>%Ln+ articles, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConcordanceWindow</name>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) so far; scroll for more</source>
        <translation>
            <numerusform>%Ln line so far; scroll for more</numerusform>
            <numerusform>%Ln lines so far; scroll for more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Exported %Ln claim row(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln claim row to {path}</numerusform>
            <numerusform>Exported %Ln claim rows to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln span(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln span to {path}</numerusform>
            <numerusform>Exported %Ln spans to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrameFlow</name>
    <message numerus="yes">
        <source>{item}  (%Ln filled)</source>
        <translation>
            <numerusform>{item}  (%Ln filled)</numerusform>
            <numerusform>{item}  (%Ln filled)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FramePanel</name>
    <message numerus="yes">
        <source>{slot}: %Ln filled</source>
        <translation>
            <numerusform>{slot}: %Ln filled</numerusform>
            <numerusform>{slot}: %Ln filled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <source>… and %n more line(s)</source>
        <translation>
            <numerusform>… and %n more line</numerusform>
            <numerusform>… and %n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelSchemeDialog</name>
    <message numerus="yes">
        <source>Imported %n label(s) from {file}: {new} new, {updated} updated.</source>
        <translation>
            <numerusform>Imported %n label from {file}: {new} new, {updated} updated.</numerusform>
            <numerusform>Imported %n labels from {file}: {new} new, {updated} updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n label(s) to {file}.</source>
        <translation>
            <numerusform>Exported %n label to {file}.</numerusform>
            <numerusform>Exported %n labels to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message numerus="yes">
        <source>%Ln occurrence(s) to tag</source>
        <translation>
            <numerusform>%Ln occurrence to tag</numerusform>
            <numerusform>%Ln occurrences to tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln listed</source>
        <translation>
            <numerusform>%Ln listed</numerusform>
            <numerusform>%Ln listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already tagged with this label (skipped)</source>
        <translation>
            <numerusform>%Ln already tagged with this label (skipped)</numerusform>
            <numerusform>%Ln already tagged with this label (skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only the first %Ln are listed</source>
        <translation>
            <numerusform>only the first %Ln is listed</numerusform>
            <numerusform>only the first %Ln are listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelationAgreementView</name>
    <message numerus="yes">
        <source>Relations on %Ln matched span(s) (same start, end and label). Unmatched: the head or tail is a span the other layer lacks; strict F1 counts them too.</source>
        <translation>
            <numerusform>Relations on %Ln matched span (same start, end and label). Unmatched: the head or tail is a span the other layer lacks; strict F1 counts them too.</numerusform>
            <numerusform>Relations on %Ln matched spans (same start, end and label). Unmatched: the head or tail is a span the other layer lacks; strict F1 counts them too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message numerus="yes">
        <source>Article adjudicated; %Ln agreed span region(s) copied to gold.</source>
        <translation>
            <numerusform>Article adjudicated; %Ln agreed span region copied to gold.</numerusform>
            <numerusform>Article adjudicated; %Ln agreed span regions copied to gold.</numerusform>
        </translation>
    </message>
</context>
</TS>
