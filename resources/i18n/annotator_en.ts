<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
