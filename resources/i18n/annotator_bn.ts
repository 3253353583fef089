<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bn_BD" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Bengali news annotator</source>
        <translation>বাংলা সংবাদ টীকাকার সম্পর্কে</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>সংস্করণ</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>ডেটা ফোল্ডার</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>প্রকল্প</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>শুধু মেমরিতে</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>লগ ফাইল</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>লাইসেন্স</translation>
    </message>
    <message>
        <source>This program: MIT. Qt and PySide6: LGPL v3. Noto Bengali fonts: SIL Open Font License 1.1.</source>
        <translation>এই প্রোগ্রাম: MIT। Qt ও PySide6: LGPL v3। নোটো বাংলা ফন্ট: SIL Open Font License 1.1।</translation>
    </message>
</context>
<context>
    <name>ActorRegisterDialog</name>
    <message>
        <source>Actor register</source>
        <translation>কর্তা তালিকা</translation>
    </message>
    <message>
        <source>filter by name, alias or id</source>
        <translation>নাম, বিকল্প নাম বা আইডি দিয়ে ছাঁকুন</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>আইডি</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>নাম</translation>
    </message>
    <message>
        <source>Bengali name</source>
        <translation>বাংলা নাম</translation>
    </message>
    <message>
        <source>Aliases (separated by |)</source>
        <translation>বিকল্প নাম (| দিয়ে আলাদা)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ধরন</translation>
    </message>
    <message>
        <source>CAMEO</source>
        <translation>CAMEO</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>সংযোগ</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>যোগ করুন</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>মুছুন</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV আমদানি…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV রপ্তানি…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln span(s) link to what was deleted; they keep its id.</source>
        <translation>
            <numerusform>মুছে ফেলা কর্তার সঙ্গে %Lnটি অংশ যুক্ত; সেগুলো তার আইডি রেখে দেবে।</numerusform>
            <numerusform>মুছে ফেলা কর্তার সঙ্গে %Lnটি অংশ যুক্ত; সেগুলো তার আইডি রেখে দেবে।</numerusform>
        </translation>
    </message>
    <message>
        <source>Import actor register</source>
        <translation>কর্তা তালিকা আমদানি</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ফাইল (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln actor(s) read; press OK to save them.</source>
        <translation>
            <numerusform>%Lnটি কর্তা পড়া হয়েছে; সংরক্ষণ করতে OK চাপুন।</numerusform>
            <numerusform>%Lnটি কর্তা পড়া হয়েছে; সংরক্ষণ করতে OK চাপুন।</numerusform>
        </translation>
    </message>
    <message>
        <source>Export actor register</source>
        <translation>কর্তা তালিকা রপ্তানি</translation>
    </message>
    <message>
        <source>Cannot write {path}: {why}</source>
        <translation>{path} লেখা যায়নি: {why}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln actor(s) written.</source>
        <translation>
            <numerusform>%Lnটি কর্তা লেখা হয়েছে।</numerusform>
            <numerusform>%Lnটি কর্তা লেখা হয়েছে।</numerusform>
        </translation>
    </message>
    <message>
        <source>Two rows have the id {id}.</source>
        <translation>দুটি সারির আইডি একই: {id}।</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Spans A</source>
        <translation>A-র স্প্যান</translation>
    </message>
    <message>
        <source>Spans B</source>
        <translation>B-র স্প্যান</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML পাতা (*.html)</translation>
    </message>
    <message>
        <source>Inter-annotator agreement</source>
        <translation>টীকাকারদের মধ্যে মতৈক্য</translation>
    </message>
    <message>
        <source>All articles with spans (not only those both marked done)</source>
        <translation>স্প্যানসহ সব প্রতিবেদন (শুধু দুজনেরই সম্পন্ন করা নয়)</translation>
    </message>
    <message>
        <source>Layer A:</source>
        <translation>স্তর A:</translation>
    </message>
    <message>
        <source>Layer B:</source>
        <translation>স্তর B:</translation>
    </message>
    <message>
        <source>Double-click an article to open it</source>
        <translation>খুলতে প্রতিবেদনে ডাবল-ক্লিক করুন</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>সারসংক্ষেপ</translation>
    </message>
    <message>
        <source>Label confusion</source>
        <translation>লেবেলের গরমিল</translation>
    </message>
    <message>
        <source>Articles (worst first)</source>
        <translation>প্রতিবেদন (সবচেয়ে খারাপ আগে)</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>সম্পর্ক</translation>
    </message>
    <message>
        <source>Save {format}…</source>
        <translation>{format} সংরক্ষণ…</translation>
    </message>
    <message>
        <source>The project has no annotators yet.</source>
        <translation>এই প্রকল্পে এখনো কোনো টীকাকার নেই।</translation>
    </message>
    <message>
        <source>Comparing {a} and {b}…</source>
        <translation>{a} ও {b} তুলনা করা হচ্ছে…</translation>
    </message>
    <message>
        <source>Computing agreement</source>
        <translation>মতৈক্য হিসাব করা হচ্ছে</translation>
    </message>
    <message>
        <source>Nothing to save: pick two layers first.</source>
        <translation>সংরক্ষণের কিছু নেই: আগে দুটি স্তর বাছাই করুন।</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} সংরক্ষণ করা যায়নি: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} সংরক্ষিত হয়েছে</translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) with spans in either layer.</source>
        <translation>
            <numerusform>যেকোনো একটি স্তরে স্প্যান আছে এমন %Lnটি প্রতিবেদন।</numerusform>
            <numerusform>যেকোনো একটি স্তরে স্প্যান আছে এমন %Lnটি প্রতিবেদন।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) marked done in both layers.</source>
        <translation>
            <numerusform>দুই স্তরেই সম্পন্ন চিহ্নিত %Lnটি প্রতিবেদন।</numerusform>
            <numerusform>দুই স্তরেই সম্পন্ন চিহ্নিত %Lnটি প্রতিবেদন।</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick “All articles” to compare articles not yet marked done.</source>
        <translation>এখনো সম্পন্ন চিহ্নিত হয়নি এমন প্রতিবেদন তুলনা করতে “স্প্যানসহ সব প্রতিবেদন” বেছে নিন।</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>সামগ্রিক</translation>
    </message>
    <message>
        <source>B: {label}</source>
        <translation>B: {label}</translation>
    </message>
    <message>
        <source>A: {label}</source>
        <translation>A: {label}</translation>
    </message>
    <message>
        <source>Save agreement report</source>
        <translation>মতৈক্যের প্রতিবেদন সংরক্ষণ</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Show the spans of one layer only</source>
        <translation>শুধু একটি স্তরের স্প্যান দেখান</translation>
    </message>
    <message>
        <source>Show the spans of one label only</source>
        <translation>শুধু একটি লেবেলের স্প্যান দেখান</translation>
    </message>
    <message>
        <source>no span selected</source>
        <translation>কোনো স্প্যান বাছাই করা নেই</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>লেবেল</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>নিশ্চয়তা</translation>
    </message>
    <message>
        <source>Claim source</source>
        <translation>দাবির উৎস</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>পক্ষসমূহ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>কর্তা তালিকা</translation>
    </message>
    <message>
        <source>who made the claim, e.g. KCNA, Reuters</source>
        <translation>দাবিটি কে করেছে, যেমন KCNA, রয়টার্স</translation>
    </message>
    <message>
        <source>actors, comma separated</source>
        <translation>পক্ষসমূহ, কমা দিয়ে আলাদা</translation>
    </message>
    <message>
        <source>note</source>
        <translation>টীকা</translation>
    </message>
    <message>
        <source>link to a register entry</source>
        <translation>তালিকার কোনো কর্তার সঙ্গে যুক্ত করুন</translation>
    </message>
    <message>
        <source>Add to the register</source>
        <translation>তালিকায় যোগ করুন</translation>
    </message>
    <message>
        <source>Selected span</source>
        <translation>বাছাই করা স্প্যান</translation>
    </message>
    <message>
        <source>Document labels</source>
        <translation>প্রতিবেদনের লেবেল</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>সব লেবেল</translation>
    </message>
    <message>
        <source>All annotators</source>
        <translation>সব টীকাকার</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (আপনি)</translation>
    </message>
    <message>
        <source>Select a span to edit it.</source>
        <translation>সম্পাদনা করতে একটি স্প্যান বাছাই করুন।</translation>
    </message>
    <message>
        <source>Tagged by {name}: read only for you.</source>
        <translation>{name} ট্যাগ করেছেন: আপনার জন্য শুধু পড়া যাবে।</translation>
    </message>
    <message>
        <source>Link to {actor}</source>
        <translation>{actor}-এর সঙ্গে যুক্ত করুন</translation>
    </message>
    <message>
        <source>{id} is not in the register.</source>
        <translation>{id} তালিকায় নেই।</translation>
    </message>
    <message>
        <source>No actor {name} in the register.</source>
        <translation>তালিকায় {name} নামে কোনো কর্তা নেই।</translation>
    </message>
</context>
<context>
    <name>ArticleHeader</name>
    <message>
        <source>(untitled)</source>
        <translation>(শিরোনামহীন)</translation>
    </message>
    <message>
        <source>Updated: {date}</source>
        <translation>হালনাগাদ: {date}</translation>
    </message>
    <message>
        <source>published: {value}</source>
        <translation>প্রকাশ: {value}</translation>
    </message>
    <message>
        <source>updated: {value}</source>
        <translation>হালনাগাদ: {value}</translation>
    </message>
    <message>
        <source>url: {value}</source>
        <translation>ইউআরএল: {value}</translation>
    </message>
    <message>
        <source>source file: {value}</source>
        <translation>উৎস ফাইল: {value}</translation>
    </message>
    <message>
        <source>source: {value}</source>
        <translation>সূত্র: {value}</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>To do</source>
        <translation>বাকি</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>চলমান</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>সম্পন্ন</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>পর্যালোচনাধীন</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>নিষ্পত্তি হয়েছে</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>সংবাদমাধ্যম</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>প্রকাশিত</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>অবস্থা</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>দাবি</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>পর্যালোচনা</translation>
    </message>
    <message>
        <source>The article names no outlet and has no web address</source>
        <translation>প্রতিবেদনে সংবাদমাধ্যমের নাম নেই, ওয়েব ঠিকানাও নেই</translation>
    </message>
    <message>
        <source>no publication date</source>
        <translation>প্রকাশের তারিখ নেই</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>All articles</source>
        <translation>সব প্রতিবেদন</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>বাকি</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>চলমান</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>সম্পন্ন</translation>
    </message>
    <message>
        <source>Review: not reviewed</source>
        <translation>পর্যালোচনা: হয়নি</translation>
    </message>
    <message>
        <source>Review: in review</source>
        <translation>পর্যালোচনা: চলছে</translation>
    </message>
    <message>
        <source>Review: adjudicated</source>
        <translation>পর্যালোচনা: নিষ্পত্তি হয়েছে</translation>
    </message>
    <message>
        <source>Search Bengali words…</source>
        <translation>বাংলা শব্দ খুঁজুন…</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>সব লেবেল</translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ article(s) match, counting…</source>
        <translation>
            <numerusform>%Lnটির বেশি প্রতিবেদন মিলেছে, গোনা চলছে…</numerusform>
            <numerusform>%Lnটির বেশি প্রতিবেদন মিলেছে, গোনা চলছে…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) match</source>
        <translation>
            <numerusform>%Lnটি প্রতিবেদন মিলেছে</numerusform>
            <numerusform>%Lnটি প্রতিবেদন মিলেছে</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ article(s), counting…</source>
        <translation>
            <numerusform>%Ln+টি প্রতিবেদন, গোনা হচ্ছে…</numerusform>
            <numerusform>%Ln+টি প্রতিবেদন, গোনা হচ্ছে…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Lnটি প্রতিবেদন</numerusform>
            <numerusform>%Lnটি প্রতিবেদন</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleNavigation</name>
    <message>
        <source>No more articles in this list.</source>
        <translation>এই তালিকায় আর কোনো প্রতিবেদন নেই।</translation>
    </message>
</context>
<context>
    <name>ArticleScoresModel</name>
    <message>
        <source>Id</source>
        <translation>আইডি</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <source>Spans A</source>
        <translation>A-র স্প্যান</translation>
    </message>
    <message>
        <source>Spans B</source>
        <translation>B-র স্প্যান</translation>
    </message>
</context>
<context>
    <name>ClaimFields</name>
    <message>
        <source>Claim</source>
        <translation>দাবি</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>ঘটনার তারিখ</translation>
    </message>
    <message>
        <source>{name}: —</source>
        <translation>{name}: —</translation>
    </message>
    <message>
        <source>when it happened, e.g. 2024-06-19</source>
        <translation>কবে ঘটেছে, যেমন 2024-06-19</translation>
    </message>
</context>
<context>
    <name>Concordance</name>
    <message>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>তারিখ</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>লেবেল</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>টীকাকার</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>বাঁ দিকের প্রসঙ্গ</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>স্প্যান</translation>
    </message>
    <message>
        <source>Right context</source>
        <translation>ডান দিকের প্রসঙ্গ</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>নিশ্চয়তা</translation>
    </message>
</context>
<context>
    <name>ConcordanceWindow</name>
    <message>
        <source>Concordance</source>
        <translation>প্রসঙ্গসূচি</translation>
    </message>
    <message>
        <source>Spans of a label</source>
        <translation>একটি লেবেলের স্প্যান</translation>
    </message>
    <message>
        <source>Spans naming an actor</source>
        <translation>একটি পক্ষের নাম থাকা স্প্যান</translation>
    </message>
    <message>
        <source>Matches of a search</source>
        <translation>একটি অনুসন্ধানের মিল</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>দেখান</translation>
    </message>
    <message>
        <source>Click a column to sort every line by it (the context columns are not sorted)</source>
        <translation>কোনো কলামে ক্লিক করলে সব লাইন সেই অনুযায়ী সাজানো হয় (প্রসঙ্গের কলাম সাজানো যায় না)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Lnটি লাইন</numerusform>
            <numerusform>%Lnটি লাইন</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) so far; scroll for more</source>
        <translation>
            <numerusform>এ পর্যন্ত %Lnটি লাইন; আরও দেখতে স্ক্রল করুন</numerusform>
            <numerusform>এ পর্যন্ত %Lnটি লাইন; আরও দেখতে স্ক্রল করুন</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export labelled dataset</source>
        <translation>লেবেল করা ডেটাসেট রপ্তানি</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>সব স্তর</translation>
    </message>
    <message>
        <source>Gold (adjudicated)</source>
        <translation>গোল্ড (নিষ্পত্তি করা)</translation>
    </message>
    <message>
        <source>Only articles marked done</source>
        <translation>শুধু সম্পন্ন চিহ্নিত প্রতিবেদন</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>ব্রাউজ…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>ফরম্যাট</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>স্তর</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>যেখানে সংরক্ষণ</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>যেখানে রপ্তানি</translation>
    </message>
    <message>
        <source>Zip (*.zip);;Folder (*)</source>
        <translation>জিপ (*.zip);;ফোল্ডার (*)</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>An in-memory project cannot be exported.</source>
        <translation>শুধু মেমরিতে থাকা প্রকল্প রপ্তানি করা যায় না।</translation>
    </message>
    <message>
        <source>Exporting {format} to {file}…</source>
        <translation>{file}-এ {format} রপ্তানি হচ্ছে…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln claim row(s) to {path}</source>
        <translation>
            <numerusform>{path}-এ %Lnটি দাবির সারি রপ্তানি হয়েছে</numerusform>
            <numerusform>{path}-এ %Lnটি দাবির সারি রপ্তানি হয়েছে</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln span(s) to {path}</source>
        <translation>
            <numerusform>{path}-এ %Lnটি স্প্যান রপ্তানি হয়েছে</numerusform>
            <numerusform>{path}-এ %Lnটি স্প্যান রপ্তানি হয়েছে</numerusform>
        </translation>
    </message>
    <message>
        <source>An in-memory project has no backups.</source>
        <translation>শুধু মেমরিতে থাকা প্রকল্পের কোনো ব্যাকআপ নেই।</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>ব্যাকআপ থেকে পুনরুদ্ধার</translation>
    </message>
    <message>
        <source>Restored {backup}; the previous file is kept as {aside}.</source>
        <translation>{backup} পুনরুদ্ধার হয়েছে; আগের ফাইলটি {aside} নামে রাখা আছে।</translation>
    </message>
    <message>
        <source>Restored {backup}.</source>
        <translation>{backup} পুনরুদ্ধার হয়েছে।</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>পুনরুদ্ধার হয়নি: {reason}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article…</source>
        <translation>প্রতিবেদনে খুঁজুন…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>কোনো মিল নেই</translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Lnটি মিল</numerusform>
            <numerusform>%Lnটি মিল</numerusform>
        </translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{total}টির মধ্যে {current}</translation>
    </message>
</context>
<context>
    <name>FindFlow</name>
    <message>
        <source>That article is no longer in the project.</source>
        <translation>প্রতিবেদনটি আর প্রকল্পে নেই।</translation>
    </message>
</context>
<context>
    <name>FrameFlow</name>
    <message>
        <source>Select a claim span first, then the span to link to it.</source>
        <translation>আগে একটি দাবির অংশ বাছুন, তারপর যে অংশ যুক্ত করবেন সেটি।</translation>
    </message>
    <message>
        <source>This claim is {name}&apos;s: its frame is read only for you.</source>
        <translation>এই দাবিটি {name}-এর: এর কাঠামো আপনার জন্য শুধু পড়ার।</translation>
    </message>
    <message>
        <source>Now select the span to link: an actor, place, source or date.</source>
        <translation>এবার যুক্ত করার অংশ বাছুন: কর্তা, স্থান, সূত্র বা তারিখ।</translation>
    </message>
    <message>
        <source>Only your own spans can fill your claim&apos;s slots.</source>
        <translation>শুধু আপনার নিজের অংশ দিয়েই আপনার দাবির ঘর পূরণ করা যায়।</translation>
    </message>
    <message>
        <source>No slot of this claim takes a {label} span.</source>
        <translation>এই দাবির কোনো ঘরে {label} অংশ বসে না।</translation>
    </message>
    <message>
        <source>&amp;{n} {slot}</source>
        <translation>&amp;{n} {slot}</translation>
    </message>
    <message numerus="yes">
        <source>{item}  (%Ln filled)</source>
        <translation>
            <numerusform>{item}  (%Lnটি পূরণ)</numerusform>
            <numerusform>{item}  (%Lnটি পূরণ)</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked as {slot}: {text}</source>
        <translation>{slot} হিসেবে যুক্ত: {text}</translation>
    </message>
</context>
<context>
    <name>FramePanel</name>
    <message>
        <source>Claim frame</source>
        <translation>দাবির কাঠামো</translation>
    </message>
    <message>
        <source>Fill slot with current span</source>
        <translation>বর্তমান অংশ দিয়ে ঘর পূরণ</translation>
    </message>
    <message>
        <source>Select a slot, then an actor, place, source or date span (Ctrl+L)</source>
        <translation>একটি ঘর বাছুন, তারপর একটি কর্তা, স্থান, সূত্র বা তারিখ অংশ (Ctrl+L)</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>সংযোগ সরান</translation>
    </message>
    <message>
        <source>Keep this frame</source>
        <translation>এই কাঠামো রাখুন</translation>
    </message>
    <message>
        <source>Keep showing this claim&apos;s frame while other claims are selected</source>
        <translation>অন্য দাবি বাছলেও এই দাবির কাঠামো দেখাতে থাকুন</translation>
    </message>
    <message>
        <source>Select a claim span to see its frame.</source>
        <translation>কাঠামো দেখতে একটি দাবির অংশ বাছুন।</translation>
    </message>
    <message>
        <source>{label}: {text}</source>
        <translation>{label}: {text}</translation>
    </message>
    <message>
        <source>{slot}: (empty)</source>
        <translation>{slot}: (খালি)</translation>
    </message>
    <message numerus="yes">
        <source>{slot}: %Ln filled</source>
        <translation>
            <numerusform>{slot}: %Lnটি পূরণ</numerusform>
            <numerusform>{slot}: %Lnটি পূরণ</numerusform>
        </translation>
    </message>
    <message>
        <source>(a span not in this project any more)</source>
        <translation>(এই প্রকল্পে আর নেই এমন অংশ)</translation>
    </message>
    <message>
        <source>{text}  · {label}</source>
        <translation>{text}  · {label}</translation>
    </message>
</context>
<context>
    <name>GuidelineView</name>
    <message>
        <source>No span selected: select a span or point at a label to read its guideline.</source>
        <translation>কোনো স্প্যান বাছাই করা নেই: নির্দেশিকা পড়তে একটি স্প্যান বাছাই করুন বা কোনো লেবেলের ওপর মাউস রাখুন।</translation>
    </message>
    <message>
        <source>No guideline written for this label.</source>
        <translation>এই লেবেলের জন্য কোনো নির্দেশিকা লেখা হয়নি।</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message>
        <source>Labelling guidelines</source>
        <translation>লেবেল দেওয়ার নির্দেশিকা</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>কী %1</translation>
    </message>
    <message>
        <source>document label</source>
        <translation>পুরো প্রতিবেদনের লেবেল</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>অবসরপ্রাপ্ত</translation>
    </message>
    <message>
        <source>No guideline written yet.</source>
        <translation>এখনো কোনো নির্দেশিকা লেখা হয়নি।</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import files</source>
        <translation>ফাইল আমদানি</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>ফোল্ডার আমদানি</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>টীকা আমদানি</translation>
    </message>
    <message>
        <source>Import a colleague&apos;s project</source>
        <translation>সহকর্মীর প্রকল্প আমদানি</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>আমদানি হচ্ছে…</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more line(s)</source>
        <translation>
            <numerusform>… এবং আরও %nটি লাইন</numerusform>
            <numerusform>… এবং আরও %nটি লাইন</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>আমদানি</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>The Bengali translation is missing from this installation.</source>
        <translation>এই ইনস্টলেশনে বাংলা অনুবাদ নেই।</translation>
    </message>
    <message>
        <source>Windows and dialogs already open change language when opened again.</source>
        <translation>আগে থেকে খোলা উইন্ডো ও ডায়ালগ আবার খুললে নতুন ভাষায় দেখাবে।</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>প্রধান টুলবার</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>সব পরিবর্তন সংরক্ষিত</translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <source>accepted A</source>
        <translation>A গৃহীত</translation>
    </message>
    <message>
        <source>accepted B</source>
        <translation>B গৃহীত</translation>
    </message>
    <message>
        <source>accepted both</source>
        <translation>দুটিই গৃহীত</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>বাতিল</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>সম্পাদিত</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>মতৈক্য</translation>
    </message>
    <message>
        <source>No disagreement selected. Press &lt;b&gt;{key}&lt;/b&gt; for the next one.</source>
        <translation>কোনো মতভেদ বাছাই করা নেই। পরেরটির জন্য &lt;b&gt;{key}&lt;/b&gt; চাপুন।</translation>
    </message>
    <message>
        <source>A ({layer})</source>
        <translation>A ({layer})</translation>
    </message>
    <message>
        <source>B ({layer})</source>
        <translation>B ({layer})</translation>
    </message>
    <message>
        <source>Decision: {decision} by {reviewer}, {time}</source>
        <translation>সিদ্ধান্ত: {decision}, করেছেন {reviewer}, {time}</translation>
    </message>
    <message>
        <source>{layer}: nothing</source>
        <translation>{layer}: কিছু নেই</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>টীকা: {note}</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>No labels: add some in Edit ▸ Label scheme.</source>
        <translation>কোনো লেবেল নেই: সম্পাদনা ▸ লেবেল তালিকা থেকে যোগ করুন।</translation>
    </message>
</context>
<context>
    <name>LabelSchemeDialog</name>
    <message>
        <source>Name</source>
        <translation>নাম</translation>
    </message>
    <message>
        <source>Bengali name</source>
        <translation>বাংলা নাম</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>রং</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>কী</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>অবসরপ্রাপ্ত</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>স্প্যান</translation>
    </message>
    <message>
        <source>Label schemes (*.json);;All files (*)</source>
        <translation>লেবেল তালিকা (*.json);;সব ফাইল (*)</translation>
    </message>
    <message>
        <source>Label scheme</source>
        <translation>লেবেল তালিকা</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>যোগ করুন</translation>
    </message>
    <message>
        <source>Edit colour…</source>
        <translation>রং বদলান…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>অবসরে পাঠান</translation>
    </message>
    <message>
        <source>Import scheme file…</source>
        <translation>তালিকার ফাইল আমদানি…</translation>
    </message>
    <message>
        <source>Export scheme file…</source>
        <translation>তালিকার ফাইল রপ্তানি…</translation>
    </message>
    <message>
        <source>Guideline for the selected label (its tooltip)</source>
        <translation>বাছাই করা লেবেলের নির্দেশিকা (এর টুলটিপ)</translation>
    </message>
    <message>
        <source>Guideline:</source>
        <translation>নির্দেশিকা:</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n label(s) from {file}: {new} new, {updated} updated.</source>
        <translation>
            <numerusform>{file} থেকে %nটি লেবেল আমদানি হয়েছে: {new}টি নতুন, {updated}টি হালনাগাদ।</numerusform>
            <numerusform>{file} থেকে %nটি লেবেল আমদানি হয়েছে: {new}টি নতুন, {updated}টি হালনাগাদ।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n label(s) to {file}.</source>
        <translation>
            <numerusform>{file}-এ %nটি লেবেল রপ্তানি হয়েছে।</numerusform>
            <numerusform>{file}-এ %nটি লেবেল রপ্তানি হয়েছে।</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>সংরক্ষিত হয়নি: {reason}</translation>
    </message>
    <message>
        <source>key: {key} (document label)</source>
        <translation>কী: {key} (প্রতিবেদনের লেবেল)</translation>
    </message>
    <message>
        <source>key: {key}</source>
        <translation>কী: {key}</translation>
    </message>
    <message>
        <source>Unretire</source>
        <translation>অবসর থেকে ফেরান</translation>
    </message>
    <message>
        <source>Key must be a digit 1-9 or empty, not {text}.</source>
        <translation>কী হতে হবে ১-৯ এর একটি অঙ্ক বা ফাঁকা, {text} নয়।</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>নতুন লেবেল</translation>
    </message>
    <message>
        <source>New label {n}</source>
        <translation>নতুন লেবেল {n}</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>{label}-এর রং</translation>
    </message>
    <message>
        <source>Import label scheme</source>
        <translation>লেবেল তালিকা আমদানি</translation>
    </message>
    <message>
        <source>Export label scheme</source>
        <translation>লেবেল তালিকা রপ্তানি</translation>
    </message>
</context>
<context>
    <name>LayersBar</name>
    <message>
        <source>Layers</source>
        <translation>স্তর</translation>
    </message>
    <message>
        <source> A: </source>
        <translation> A: </translation>
    </message>
    <message>
        <source>  B: </source>
        <translation>  B: </translation>
    </message>
    <message>
        <source>   reviewer: {name}</source>
        <translation>   পর্যালোচক: {name}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}: {count}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main toolbar</source>
        <translation>প্রধান টুলবার</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>সব পরিবর্তন সংরক্ষিত</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>শুধু মেমরিতে</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>টীকাকার: {name}</translation>
    </message>
    <message>
        <source>Switch annotator</source>
        <translation>টীকাকার বদলান</translation>
    </message>
    <message>
        <source>Name (known in this project: {names})</source>
        <translation>নাম (এই প্রকল্পে আছেন: {names})</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <source>Annotate all occurrences</source>
        <translation>সব উপস্থিতি চিহ্নিত করুন</translation>
    </message>
    <message>
        <source>a word or name, e.g. রাশিয়া</source>
        <translation>একটি শব্দ বা নাম, যেমন রাশিয়া</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>খুঁজুন</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— কোনোটি নয় —</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>খবর</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>আগে</translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation>উপস্থিতি</translation>
    </message>
    <message>
        <source>After</source>
        <translation>পরে</translation>
    </message>
    <message>
        <source>Tag ticked</source>
        <translation>টিক দেওয়াগুলো চিহ্নিত করুন</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>যে লেবেলে</translation>
    </message>
    <message>
        <source>Link to actor</source>
        <translation>কর্তার সঙ্গে যুক্ত করুন</translation>
    </message>
    <message numerus="yes">
        <source>%Ln occurrence(s) to tag</source>
        <translation>
            <numerusform>চিহ্নিত করার জন্য %Lnটি উপস্থিতি</numerusform>
            <numerusform>চিহ্নিত করার জন্য %Lnটি উপস্থিতি</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln listed</source>
        <translation>
            <numerusform>তালিকায় %Lnটি</numerusform>
            <numerusform>তালিকায় %Lnটি</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already tagged with this label (skipped)</source>
        <translation>
            <numerusform>%Lnটি আগেই এই লেবেলে চিহ্নিত (বাদ দেওয়া হলো)</numerusform>
            <numerusform>%Lnটি আগেই এই লেবেলে চিহ্নিত (বাদ দেওয়া হলো)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only the first %Ln are listed</source>
        <translation>
            <numerusform>কেবল প্রথম %Lnটি দেখানো হলো</numerusform>
            <numerusform>কেবল প্রথম %Lnটি দেখানো হলো</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>সাম্প্রতিক খুলুন (&amp;R)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>সাম্প্রতিক কোনো প্রকল্প নেই</translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation>সাম্প্রতিক তালিকা মুছুন (&amp;C)</translation>
    </message>
    <message>
        <source>Annotator projects (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>টীকাকার প্রকল্প (*.db *.sqlite *.sqlite3);;সব ফাইল (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>নতুন প্রকল্প</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>প্রকল্প খুলুন</translation>
    </message>
    <message>
        <source>%1 is already open.</source>
        <translation>%1 আগে থেকেই খোলা আছে।</translation>
    </message>
    <message>
        <source>Wait for the import to finish before switching projects.</source>
        <translation>প্রকল্প বদলানোর আগে আমদানি শেষ হওয়া পর্যন্ত অপেক্ষা করুন।</translation>
    </message>
    <message>
        <source>Project not opened</source>
        <translation>প্রকল্প খোলা হয়নি</translation>
    </message>
</context>
<context>
    <name>RelationAgreementView</name>
    <message>
        <source>Relation type</source>
        <translation>সম্পর্কের ধরন</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>দুজনেরই</translation>
    </message>
    <message>
        <source>A only</source>
        <translation>শুধু A</translation>
    </message>
    <message>
        <source>B only</source>
        <translation>শুধু B</translation>
    </message>
    <message>
        <source>Unmatched span A</source>
        <translation>A-র অমিল অংশ</translation>
    </message>
    <message>
        <source>Unmatched span B</source>
        <translation>B-র অমিল অংশ</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>নির্ভুলতা (precision)</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>প্রাপ্তি (recall)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Strict F1</source>
        <translation>কঠোর F1</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>সামগ্রিক</translation>
    </message>
    <message numerus="yes">
        <source>Relations on %Ln matched span(s) (same start, end and label). Unmatched: the head or tail is a span the other layer lacks; strict F1 counts them too.</source>
        <translation>
            <numerusform>মিলে যাওয়া %Lnটি অংশের (একই শুরু, শেষ ও লেবেল) সম্পর্ক। অমিল: মূল বা শেষ অংশটি অন্য স্তরে নেই; কঠোর F1 সেগুলোও গোনে।</numerusform>
            <numerusform>মিলে যাওয়া %Lnটি অংশের (একই শুরু, শেষ ও লেবেল) সম্পর্ক। অমিল: মূল বা শেষ অংশটি অন্য স্তরে নেই; কঠোর F1 সেগুলোও গোনে।</numerusform>
        </translation>
    </message>
    <message>
        <source>Actor links on {spans} matched actor spans: same entry {same}, different {different}, only A {only_a}, only B {only_b}, neither {neither}; raw agreement {raw}, κ {kappa}.</source>
        <translation>মিলে যাওয়া {spans}টি কর্তা অংশের তালিকা-সংযোগ: একই এন্ট্রি {same}, ভিন্ন {different}, শুধু A {only_a}, শুধু B {only_b}, কোনোটিই নয় {neither}; সরাসরি মিল {raw}, κ {kappa}।</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily snapshot</source>
        <translation>দৈনিক কপি</translation>
    </message>
    <message>
        <source>Before a schema update</source>
        <translation>স্কিমা হালনাগাদের আগে</translation>
    </message>
    <message>
        <source>Kept aside by a restore</source>
        <translation>পুনরুদ্ধারের সময় সরিয়ে রাখা</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>ব্যাকআপ থেকে পুনরুদ্ধার</translation>
    </message>
    <message>
        <source>Put one of these copies in place of the project. The current file is kept beside it (…before-restore-&lt;time&gt;), so this can be undone the same way.</source>
        <translation>এই কপিগুলোর একটি প্রকল্পের জায়গায় বসান। বর্তমান ফাইলটি পাশেই রাখা হয় (…before-restore-&lt;time&gt;), তাই একইভাবে এটি ফিরিয়েও আনা যায়।</translation>
    </message>
    <message>
        <source>This project has no backups yet: one is made the first time it is opened each day.</source>
        <translation>এই প্রকল্পের এখনো কোনো ব্যাকআপ নেই: প্রতিদিন প্রথমবার খোলার সময় একটি তৈরি হয়।</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>সময়</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ধরন</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>আকার</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>পুনরুদ্ধার…</translation>
    </message>
    <message>
        <source>Replace the project with the copy of {time} ({kind})?

The current file is kept beside it; the window reopens on the restored project.</source>
        <translation>প্রকল্পটিকে {time}-এর কপি ({kind}) দিয়ে বদলাবেন?

বর্তমান ফাইলটি পাশেই রাখা হবে; উইন্ডোটি পুনরুদ্ধার করা প্রকল্প নিয়ে আবার খুলবে।</translation>
    </message>
</context>
<context>
    <name>ReviewArticleModel</name>
    <message>
        <source>Not reviewed</source>
        <translation>পর্যালোচনা হয়নি</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>পর্যালোচনাধীন</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>নিষ্পত্তি হয়েছে</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>শিরোনাম</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>পর্যালোচনা</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>বাকি</translation>
    </message>
    <message>
        <source>Article {id}</source>
        <translation>প্রতিবেদন {id}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Accepted A — written to gold.</source>
        <translation>A গৃহীত — গোল্ড স্তরে লেখা হয়েছে।</translation>
    </message>
    <message>
        <source>Accepted B — written to gold.</source>
        <translation>B গৃহীত — গোল্ড স্তরে লেখা হয়েছে।</translation>
    </message>
    <message>
        <source>Accepted both — written to gold.</source>
        <translation>দুটিই গৃহীত — গোল্ড স্তরে লেখা হয়েছে।</translation>
    </message>
    <message>
        <source>Rejected — written to gold.</source>
        <translation>বাতিল — গোল্ড স্তরে লেখা হয়েছে।</translation>
    </message>
    <message>
        <source>Edited — written to gold.</source>
        <translation>সম্পাদিত — গোল্ড স্তরে লেখা হয়েছে।</translation>
    </message>
    <message>
        <source>Review layers</source>
        <translation>স্তর পর্যালোচনা</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>উইন্ডো (&amp;W)</translation>
    </message>
    <message>
        <source>Pick two different layers to compare.</source>
        <translation>তুলনার জন্য দুটি ভিন্ন স্তর বাছাই করুন।</translation>
    </message>
    <message>
        <source>Disagreement {place} of {count} here</source>
        <translation>এখানে {count}টির মধ্যে {place} নম্বর মতভেদ</translation>
    </message>
    <message>
        <source>No more disagreements.</source>
        <translation>আর কোনো মতভেদ নেই।</translation>
    </message>
    <message>
        <source>No earlier disagreements.</source>
        <translation>এর আগে কোনো মতভেদ নেই।</translation>
    </message>
    <message>
        <source>Undone: {change}.</source>
        <translation>পূর্বাবস্থায় ফেরানো হয়েছে: {change}।</translation>
    </message>
    <message>
        <source>Redone: {change}.</source>
        <translation>পুনরায় করা হয়েছে: {change}।</translation>
    </message>
    <message numerus="yes">
        <source>Article adjudicated; %Ln agreed span region(s) copied to gold.</source>
        <translation>
            <numerusform>প্রতিবেদনের নিষ্পত্তি হয়েছে; মতৈক্যের %Lnটি স্প্যান অংশ গোল্ড স্তরে কপি হয়েছে।</numerusform>
            <numerusform>প্রতিবেদনের নিষ্পত্তি হয়েছে; মতৈক্যের %Lnটি স্প্যান অংশ গোল্ড স্তরে কপি হয়েছে।</numerusform>
        </translation>
    </message>
    <message>
        <source>{command} {change}</source>
        <translation>{command}: {change}</translation>
    </message>
    <message>
        <source>{command} ({keys})</source>
        <translation>{command} ({keys})</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>কিবোর্ড শর্টকাট</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>কী</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>কমান্ড</translation>
    </message>
    <message>
        <source>{section} — {note}</source>
        <translation>{section} — {note}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Comment on this disagreement… (Enter)</source>
        <translation>এই মতভেদ নিয়ে মন্তব্য… (Enter)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Legend&lt;/b&gt; (ruled regions: underline only)</source>
        <translation>&lt;b&gt;রঙের নির্দেশিকা&lt;/b&gt; (নিষ্পত্তি হওয়া অংশ: শুধু নিচে দাগ)</translation>
    </message>
    <message>
        <source>Edit ({key})</source>
        <translation>সম্পাদনা ({key})</translation>
    </message>
    <message>
        <source>Put the reader&apos;s selection into gold with this label</source>
        <translation>পাঠ্যে বাছাই করা অংশটি এই লেবেলসহ গোল্ড স্তরে রাখুন</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comments&lt;/b&gt;</source>
        <translation>&lt;b&gt;মন্তব্য&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>SpanEditing</name>
    <message>
        <source>{label}: {text}  ({annotator})</source>
        <translation>{label}: {text}  ({annotator})</translation>
    </message>
    <message>
        <source>All changes saved · {time}</source>
        <translation>সব পরিবর্তন সংরক্ষিত · {time}</translation>
    </message>
    <message>
        <source>Last change NOT saved</source>
        <translation>শেষ পরিবর্তনটি সংরক্ষিত হয়নি</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>হালনাগাদ ব্যর্থ হয়েছে</translation>
    </message>
    <message>
        <source>{command} {change}</source>
        <translation>{command}: {change}</translation>
    </message>
    <message>
        <source>{done} / {total} done</source>
        <translation>{total}টির মধ্যে {done}টি সম্পন্ন</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Label</source>
        <translation>লেবেল</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>লেখা</translation>
    </message>
    <message>
        <source>Certainty</source>
        <translation>নিশ্চয়তা</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>উৎস</translation>
    </message>
    <message>
        <source>Your layer ({name})</source>
        <translation>আপনার স্তর ({name})</translation>
    </message>
    <message>
        <source>{name}&apos;s layer (a colleague&apos;s: read only)</source>
        <translation>{name}-এর স্তর (সহকর্মীর: শুধু পড়া যায়)</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>টীকা: {note}</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>টীকাকার</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>টীকা</translation>
    </message>
</context>
<context>
    <name>SuggestFlow</name>
    <message>
        <source>No suggestions in this article.</source>
        <translation>এই প্রতিবেদনে কোনো প্রস্তাব নেই।</translation>
    </message>
    <message>
        <source>Suggestion {n} of {count}: {label} «{text}» · {source}, {score} · F9 accept, Shift+F9 reject</source>
        <translation>প্রস্তাব {count}টির মধ্যে {n}: {label} «{text}» · {source}, {score} · F9 গ্রহণ, Shift+F9 বাতিল</translation>
    </message>
    <message>
        <source>Press F8 to go to a suggestion first.</source>
        <translation>আগে F8 চেপে একটি প্রস্তাবে যান।</translation>
    </message>
    <message>
        <source>Accepted {n} suggestions.</source>
        <translation>{n}টি প্রস্তাব গৃহীত হয়েছে।</translation>
    </message>
    <message>
        <source>Select the words of the phrase first.</source>
        <translation>আগে শব্দগুচ্ছটির শব্দগুলো বাছুন।</translation>
    </message>
    <message>
        <source>Trigger phrase</source>
        <translation>সূচক শব্দগুচ্ছ</translation>
    </message>
    <message>
        <source>Suggest this label wherever «{phrase}» appears:</source>
        <translation>«{phrase}» যেখানেই থাকবে সেখানে এই লেবেলটি প্রস্তাব করুন:</translation>
    </message>
    <message>
        <source>Learning from your spans</source>
        <translation>আপনার অংশগুলো থেকে শেখা হচ্ছে</translation>
    </message>
    <message>
        <source>Learning from your spans…</source>
        <translation>আপনার অংশগুলো থেকে শেখা হচ্ছে…</translation>
    </message>
    <message>
        <source>Suggestions learnt from {spans} spans in {docs} articles ({seconds} s).</source>
        <translation>{docs}টি প্রতিবেদনের {spans}টি অংশ থেকে প্রস্তাব শেখা হয়েছে ({seconds} সেকেন্ড)।</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{task} failed</source>
        <translation>{task} ব্যর্থ হয়েছে</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Bengali news annotator</source>
        <translation>বাংলা সংবাদ টীকাকার</translation>
    </message>
    <message>
        <source>Your name (every span you tag records it)</source>
        <translation>আপনার নাম (আপনার ট্যাগ করা প্রতিটি স্প্যানে এটি লেখা থাকে)</translation>
    </message>
    <message>
        <source>Your name (every span you tag records it)
Known in this project: {names}</source>
        <translation>আপনার নাম (আপনার ট্যাগ করা প্রতিটি স্প্যানে এটি লেখা থাকে)
এই প্রকল্পে আছেন: {names}</translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation>কে টীকা দিচ্ছেন?</translation>
    </message>
    <message>
        <source>{problem}

Restore the newest good backup, from {time}?
{path}
The damaged file is kept aside.</source>
        <translation>{problem}

{time}-এর সবচেয়ে নতুন ভালো ব্যাকআপটি পুনরুদ্ধার করবেন?
{path}
ক্ষতিগ্রস্ত ফাইলটি সরিয়ে রাখা হবে।</translation>
    </message>
</context>
<context>
    <name>attributes</name>
    <message>
        <source>actors</source>
        <translation>পক্ষসমূহ</translation>
    </message>
    <message>
        <source>certainty</source>
        <translation>নিশ্চয়তা</translation>
    </message>
    <message>
        <source>source</source>
        <translation>উৎস</translation>
    </message>
    <message>
        <source>asserted</source>
        <translation>দাবিকৃত</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>প্রতিবেদিত</translation>
    </message>
    <message>
        <source>speculated</source>
        <translation>অনুমিত</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>অস্বীকৃত</translation>
    </message>
    <message>
        <source>polarity</source>
        <translation>সত্যতা</translation>
    </message>
    <message>
        <source>modality</source>
        <translation>ধরন</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>উদ্ধৃতি</translation>
    </message>
    <message>
        <source>event date</source>
        <translation>ঘটনার তারিখ</translation>
    </message>
    <message>
        <source>register entry</source>
        <translation>তালিকার এন্ট্রি</translation>
    </message>
    <message>
        <source>happened</source>
        <translation>ঘটেছে</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>পরিকল্পিত</translation>
    </message>
    <message>
        <source>threatened</source>
        <translation>হুমকি দেওয়া</translation>
    </message>
    <message>
        <source>hypothetical</source>
        <translation>কাল্পনিক</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>প্রত্যক্ষ</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>পরোক্ষ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>নেই</translation>
    </message>
</context>
<context>
    <name>keymap</name>
    <message>
        <source>&amp;File</source>
        <translation>ফাইল (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>সম্পাদনা (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>ট্যাগ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>প্রস্তাব (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>দেখুন (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>পর্যালোচনা (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>যান (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>সাহায্য (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ভাষা (&amp;L)</translation>
    </message>
    <message>
        <source>Review window</source>
        <translation>পর্যালোচনার উইন্ডো</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>খোঁজার বার</translation>
    </message>
    <message>
        <source>with nothing selected, a label&apos;s key relabels the current span</source>
        <translation>কিছু বাছাই করা না থাকলে লেবেলের কী বর্তমান স্প্যানের লেবেল বদলায়</translation>
    </message>
    <message>
        <source>opened by Review → Review two layers</source>
        <translation>পর্যালোচনা → দুটি স্তর পর্যালোচনা দিয়ে খোলে</translation>
    </message>
    <message>
        <source>while the field of Edit → Find in article has focus</source>
        <translation>যখন সম্পাদনা → প্রতিবেদনে খুঁজুন-এর ঘরে কার্সর থাকে</translation>
    </message>
    <message>
        <source>Tag as {label}</source>
        <translation>{label} হিসেবে ট্যাগ করুন</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>বড় করুন (&amp;I)</translation>
    </message>
    <message>
        <source>Larger text in the reading pane</source>
        <translation>পড়ার অংশে লেখা বড় করুন</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ছোট করুন (&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text in the reading pane</source>
        <translation>পড়ার অংশে লেখা ছোট করুন</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>আগের আকারে ফেরান (&amp;R)</translation>
    </message>
    <message>
        <source>Text back to its first size</source>
        <translation>লেখা শুরুর আকারে ফেরান</translation>
    </message>
    <message>
        <source>Certainty: &amp;asserted</source>
        <translation>নিশ্চয়তা: দাবিকৃত (&amp;A)</translation>
    </message>
    <message>
        <source>Set the current span&apos;s certainty to asserted</source>
        <translation>বর্তমান স্প্যানের নিশ্চয়তা ‘দাবিকৃত’ করুন</translation>
    </message>
    <message>
        <source>Certainty: &amp;reported</source>
        <translation>নিশ্চয়তা: প্রতিবেদিত (&amp;R)</translation>
    </message>
    <message>
        <source>Set the current span&apos;s certainty to reported</source>
        <translation>বর্তমান স্প্যানের নিশ্চয়তা ‘প্রতিবেদিত’ করুন</translation>
    </message>
    <message>
        <source>Certainty: s&amp;peculated</source>
        <translation>নিশ্চয়তা: অনুমিত (&amp;P)</translation>
    </message>
    <message>
        <source>Set the current span&apos;s certainty to speculated</source>
        <translation>বর্তমান স্প্যানের নিশ্চয়তা ‘অনুমিত’ করুন</translation>
    </message>
    <message>
        <source>Certainty: &amp;denied</source>
        <translation>নিশ্চয়তা: অস্বীকৃত (&amp;D)</translation>
    </message>
    <message>
        <source>Set the current span&apos;s certainty to denied</source>
        <translation>বর্তমান স্প্যানের নিশ্চয়তা ‘অস্বীকৃত’ করুন</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>নতুন প্রকল্প (&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty project file and switch to it</source>
        <translation>একটি খালি প্রকল্প ফাইল তৈরি করে সেটিতে যান</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>প্রকল্প খুলুন (&amp;O)…</translation>
    </message>
    <message>
        <source>Open another project file and switch to it</source>
        <translation>অন্য একটি প্রকল্প ফাইল খুলে সেটিতে যান</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>ফাইল আমদানি (&amp;I)…</translation>
    </message>
    <message>
        <source>Import articles or annotations from files</source>
        <translation>ফাইল থেকে প্রতিবেদন বা টীকা আমদানি করুন</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>ফোল্ডার আমদানি (&amp;F)…</translation>
    </message>
    <message>
        <source>Import every file in a folder</source>
        <translation>একটি ফোল্ডারের সব ফাইল আমদানি করুন</translation>
    </message>
    <message>
        <source>Import &amp;annotations…</source>
        <translation>টীকা আমদানি (&amp;A)…</translation>
    </message>
    <message>
        <source>Import annotation files (JSONL, doccano, Label Studio, brat)</source>
        <translation>টীকার ফাইল আমদানি করুন (JSONL, doccano, Label Studio, brat)</translation>
    </message>
    <message>
        <source>Import &amp;colleague&apos;s project…</source>
        <translation>সহকর্মীর প্রকল্প আমদানি (&amp;C)…</translation>
    </message>
    <message>
        <source>Bring in the layers of a colleague&apos;s project file</source>
        <translation>সহকর্মীর প্রকল্প ফাইলের স্তরগুলো নিয়ে আসুন</translation>
    </message>
    <message>
        <source>&amp;Export dataset…</source>
        <translation>ডেটাসেট রপ্তানি (&amp;E)…</translation>
    </message>
    <message>
        <source>Export the dataset (format, layer, done only)</source>
        <translation>ডেটাসেট রপ্তানি করুন (ফরম্যাট, স্তর, শুধু সম্পন্ন)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>ব্যাকআপ থেকে পুনরুদ্ধার (&amp;R)…</translation>
    </message>
    <message>
        <source>Put the project back as a backup has it</source>
        <translation>প্রকল্পটি একটি ব্যাকআপের অবস্থায় ফিরিয়ে নিন</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>প্রস্থান (&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>উইন্ডো বন্ধ করুন</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>পূর্বাবস্থায় ফেরান (&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>শেষ পরিবর্তনটি পূর্বাবস্থায় ফেরান</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>পুনরায় করুন (&amp;R)</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>যা ফেরানো হয়েছে তা আবার করুন</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>স্প্যান মুছুন (&amp;D)</translation>
    </message>
    <message>
        <source>Delete the current span</source>
        <translation>বর্তমান স্প্যানটি মুছুন</translation>
    </message>
    <message>
        <source>&amp;Grow span end</source>
        <translation>স্প্যানের শেষ বাড়ান (&amp;G)</translation>
    </message>
    <message>
        <source>Move the current span&apos;s end one word on (a cluster when not snapping)</source>
        <translation>বর্তমান স্প্যানের শেষ এক শব্দ সামনে নিন (শব্দে না মেলালে এক অক্ষরগুচ্ছ)</translation>
    </message>
    <message>
        <source>S&amp;hrink span end</source>
        <translation>স্প্যানের শেষ কমান (&amp;H)</translation>
    </message>
    <message>
        <source>Move the current span&apos;s end one word back</source>
        <translation>বর্তমান স্প্যানের শেষ এক শব্দ পিছিয়ে নিন</translation>
    </message>
    <message>
        <source>Grow span s&amp;tart</source>
        <translation>স্প্যানের শুরু বাড়ান (&amp;T)</translation>
    </message>
    <message>
        <source>Move the current span&apos;s start one word back</source>
        <translation>বর্তমান স্প্যানের শুরু এক শব্দ পিছিয়ে নিন</translation>
    </message>
    <message>
        <source>Shrin&amp;k span start</source>
        <translation>স্প্যানের শুরু কমান (&amp;K)</translation>
    </message>
    <message>
        <source>Move the current span&apos;s start one word on</source>
        <translation>বর্তমান স্প্যানের শুরু এক শব্দ সামনে নিন</translation>
    </message>
    <message>
        <source>&amp;Label scheme…</source>
        <translation>লেবেল তালিকা (&amp;L)…</translation>
    </message>
    <message>
        <source>Edit the labels, their colours and keys</source>
        <translation>লেবেল, এদের রং ও কী সম্পাদনা করুন</translation>
    </message>
    <message>
        <source>&amp;Actor register…</source>
        <translation>কর্তা তালিকা (&amp;A)…</translation>
    </message>
    <message>
        <source>Add, edit, import and export the actors spans link to</source>
        <translation>অংশগুলো যে কর্তাদের সঙ্গে যুক্ত, তাঁদের যোগ, সম্পাদনা, আমদানি ও রপ্তানি করুন</translation>
    </message>
    <message>
        <source>S&amp;witch annotator…</source>
        <translation>টীকাকার বদলান (&amp;W)…</translation>
    </message>
    <message>
        <source>Work as another analyst</source>
        <translation>অন্য বিশ্লেষক হিসেবে কাজ করুন</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>প্রতিবেদনে খুঁজুন (&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the open article (the find bar)</source>
        <translation>খোলা প্রতিবেদনে লেখা খুঁজুন (খোঁজার বার)</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>পরেরটি খুঁজুন (&amp;X)</translation>
    </message>
    <message>
        <source>Go to the next match in the article</source>
        <translation>প্রতিবেদনের পরের মিলে যান</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>আগেরটি খুঁজুন (&amp;V)</translation>
    </message>
    <message>
        <source>Go to the previous match in the article</source>
        <translation>প্রতিবেদনের আগের মিলে যান</translation>
    </message>
    <message>
        <source>Claim &amp;source</source>
        <translation>দাবির উৎস (&amp;S)</translation>
    </message>
    <message>
        <source>Put the cursor in the current span&apos;s claim source</source>
        <translation>বর্তমান স্প্যানের দাবির উৎসের ঘরে কার্সর নিন</translation>
    </message>
    <message>
        <source>Annotate all &amp;occurrences…</source>
        <translation>সব উপস্থিতি চিহ্নিত করুন (&amp;O)…</translation>
    </message>
    <message>
        <source>Tag every occurrence of the selection or a word across the project</source>
        <translation>নির্বাচিত অংশ বা কোনো শব্দের প্রকল্পজুড়ে প্রতিটি উপস্থিতি চিহ্নিত করুন</translation>
    </message>
    <message>
        <source>&amp;Link to the claim…</source>
        <translation>দাবির সঙ্গে যুক্ত করুন (&amp;L)…</translation>
    </message>
    <message>
        <source>Fill a slot of the claim&apos;s frame (agent, target, place…) with this span</source>
        <translation>এই অংশ দিয়ে দাবির কাঠামোর একটি ঘর (কর্তা, লক্ষ্য, স্থান…) পূরণ করুন</translation>
    </message>
    <message>
        <source>&amp;Next suggestion</source>
        <translation>পরের প্রস্তাব (&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next suggestion in the article</source>
        <translation>প্রতিবেদনের পরের প্রস্তাবে যান</translation>
    </message>
    <message>
        <source>&amp;Previous suggestion</source>
        <translation>আগের প্রস্তাব (&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous suggestion in the article</source>
        <translation>প্রতিবেদনের আগের প্রস্তাবে যান</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>প্রস্তাব গ্রহণ (&amp;A)</translation>
    </message>
    <message>
        <source>Make the current suggestion your span</source>
        <translation>বর্তমান প্রস্তাবটিকে আপনার অংশ করুন</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>প্রস্তাব বাতিল (&amp;R)</translation>
    </message>
    <message>
        <source>Drop the current suggestion; it is not suggested again</source>
        <translation>বর্তমান প্রস্তাবটি বাদ দিন; এটি আর প্রস্তাব করা হবে না</translation>
    </message>
    <message>
        <source>Accept a&amp;ll in article</source>
        <translation>প্রতিবেদনের সব গ্রহণ (&amp;L)</translation>
    </message>
    <message>
        <source>Make every suggestion of the article your span</source>
        <translation>প্রতিবেদনের প্রতিটি প্রস্তাবকে আপনার অংশ করুন</translation>
    </message>
    <message>
        <source>&amp;Show suggestions</source>
        <translation>প্রস্তাব দেখান (&amp;S)</translation>
    </message>
    <message>
        <source>Draw suggestions in the reading pane</source>
        <translation>পড়ার জায়গায় প্রস্তাবগুলো দেখান</translation>
    </message>
    <message>
        <source>Least &amp;certain article next</source>
        <translation>সবচেয়ে অনিশ্চিত প্রতিবেদন পরে (&amp;C)</translation>
    </message>
    <message>
        <source>Next untagged article: the one the suggestions are least sure about</source>
        <translation>পরের চিহ্নহীন প্রতিবেদন: যেটি নিয়ে প্রস্তাবগুলো সবচেয়ে কম নিশ্চিত</translation>
    </message>
    <message>
        <source>Re&amp;train now</source>
        <translation>এখনই আবার শিখুন (&amp;T)</translation>
    </message>
    <message>
        <source>Learn from your spans again (in the background)</source>
        <translation>আপনার অংশগুলো থেকে আবার শিখুন (পটভূমিতে)</translation>
    </message>
    <message>
        <source>Add selection as &amp;trigger phrase…</source>
        <translation>নির্বাচিত অংশকে সূচক শব্দগুচ্ছ করুন (&amp;G)…</translation>
    </message>
    <message>
        <source>Suggest a label wherever the selected words appear (inflected too)</source>
        <translation>নির্বাচিত শব্দগুলো যেখানেই থাকবে (বিভক্তিসহ) সেখানে একটি লেবেল প্রস্তাব করুন</translation>
    </message>
    <message>
        <source>&amp;Snap selections to words</source>
        <translation>বাছাই পুরো শব্দে মেলান (&amp;S)</translation>
    </message>
    <message>
        <source>Widen selections to whole words</source>
        <translation>বাছাই করা অংশ পুরো শব্দ পর্যন্ত বাড়ান</translation>
    </message>
    <message>
        <source>&amp;Bengali digits</source>
        <translation>বাংলা অঙ্ক (&amp;B)</translation>
    </message>
    <message>
        <source>Show dates and counts in Bengali digits</source>
        <translation>তারিখ ও সংখ্যা বাংলা অঙ্কে দেখান</translation>
    </message>
    <message>
        <source>Show &amp;colleagues&apos; spans</source>
        <translation>সহকর্মীদের স্প্যান দেখান (&amp;C)</translation>
    </message>
    <message>
        <source>Draw the other layers&apos; spans in the reader and list them in the span table</source>
        <translation>অন্য স্তরের স্প্যান পাঠ-প্যানে আঁকুন ও স্প্যান তালিকায় দেখান</translation>
    </message>
    <message>
        <source>&amp;Bengali (বাংলা)</source>
        <translation>বাংলা (&amp;B)</translation>
    </message>
    <message>
        <source>Show the interface in Bengali</source>
        <translation>ইন্টারফেস বাংলায় দেখান</translation>
    </message>
    <message>
        <source>&amp;English</source>
        <translation>ইংরেজি (&amp;E)</translation>
    </message>
    <message>
        <source>Show the interface in English</source>
        <translation>ইন্টারফেস ইংরেজিতে দেখান</translation>
    </message>
    <message>
        <source>&amp;Review two layers…</source>
        <translation>দুটি স্তর পর্যালোচনা (&amp;R)…</translation>
    </message>
    <message>
        <source>Compare two layers and settle them into gold</source>
        <translation>দুটি স্তর তুলনা করে গোল্ড স্তরে নিষ্পত্তি করুন</translation>
    </message>
    <message>
        <source>&amp;Agreement dashboard…</source>
        <translation>মতৈক্যের ড্যাশবোর্ড (&amp;A)…</translation>
    </message>
    <message>
        <source>Agreement between two layers</source>
        <translation>দুটি স্তরের মধ্যে মতৈক্য</translation>
    </message>
    <message>
        <source>&amp;Concordance…</source>
        <translation>প্রসঙ্গসূচি (&amp;C)…</translation>
    </message>
    <message>
        <source>Every span of a label or an actor, or every match of a search, in context</source>
        <translation>একটি লেবেল বা পক্ষের সব স্প্যান, কিংবা একটি অনুসন্ধানের সব মিল, প্রসঙ্গসহ</translation>
    </message>
    <message>
        <source>&amp;Previous article</source>
        <translation>আগের প্রতিবেদন (&amp;P)</translation>
    </message>
    <message>
        <source>Open the previous article in the list</source>
        <translation>তালিকার আগের প্রতিবেদনটি খুলুন</translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation>পরের প্রতিবেদন (&amp;N)</translation>
    </message>
    <message>
        <source>Open the next article in the list</source>
        <translation>তালিকার পরের প্রতিবেদনটি খুলুন</translation>
    </message>
    <message>
        <source>Next &amp;untagged article</source>
        <translation>পরের ট্যাগহীন প্রতিবেদন (&amp;U)</translation>
    </message>
    <message>
        <source>Open the next article not tagged yet</source>
        <translation>এখনো ট্যাগ না করা পরের প্রতিবেদনটি খুলুন</translation>
    </message>
    <message>
        <source>&amp;Mark done and go on</source>
        <translation>সম্পন্ন চিহ্নিত করে এগিয়ে যান (&amp;M)</translation>
    </message>
    <message>
        <source>Mark the article done and open the next one</source>
        <translation>প্রতিবেদনটি সম্পন্ন চিহ্নিত করে পরেরটি খুলুন</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>কিবোর্ড শর্টকাট (&amp;K)…</translation>
    </message>
    <message>
        <source>List every key (this list)</source>
        <translation>সব কী-এর তালিকা (এই তালিকা)</translation>
    </message>
    <message>
        <source>&amp;Guidelines…</source>
        <translation>নির্দেশিকা (&amp;G)…</translation>
    </message>
    <message>
        <source>Read every label&apos;s guideline</source>
        <translation>প্রতিটি লেবেলের নির্দেশিকা পড়ুন</translation>
    </message>
    <message>
        <source>&amp;About…</source>
        <translation>সম্পর্কে (&amp;A)…</translation>
    </message>
    <message>
        <source>Versions, the data folder and this project&apos;s file</source>
        <translation>সংস্করণ, ডেটা ফোল্ডার ও এই প্রকল্পের ফাইল</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>পরের মিল</translation>
    </message>
    <message>
        <source>Next match (in the find field)</source>
        <translation>পরের মিল (খোঁজার ঘরে)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>আগের মিল</translation>
    </message>
    <message>
        <source>Previous match (in the find field)</source>
        <translation>আগের মিল (খোঁজার ঘরে)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>খোঁজার বার বন্ধ করুন</translation>
    </message>
    <message>
        <source>Close the find bar, back to the text</source>
        <translation>খোঁজার বার বন্ধ করে লেখায় ফিরুন</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>পরেরটি (&amp;N)</translation>
    </message>
    <message>
        <source>Next disagreement (on to the next article)</source>
        <translation>পরের মতভেদ (প্রয়োজনে পরের প্রতিবেদনে)</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>আগেরটি (&amp;P)</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>আগের মতভেদ</translation>
    </message>
    <message>
        <source>Accept &amp;A</source>
        <translation>A গ্রহণ (&amp;A)</translation>
    </message>
    <message>
        <source>Accept A&apos;s spans into the gold layer</source>
        <translation>A-র স্প্যানগুলো গোল্ড স্তরে গ্রহণ করুন</translation>
    </message>
    <message>
        <source>Accept &amp;B</source>
        <translation>B গ্রহণ (&amp;B)</translation>
    </message>
    <message>
        <source>Accept B&apos;s spans into the gold layer</source>
        <translation>B-র স্প্যানগুলো গোল্ড স্তরে গ্রহণ করুন</translation>
    </message>
    <message>
        <source>Both (&amp;H)</source>
        <translation>দুটিই (&amp;H)</translation>
    </message>
    <message>
        <source>Accept both layers&apos; spans into gold</source>
        <translation>দুই স্তরের স্প্যানই গোল্ড স্তরে গ্রহণ করুন</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>বাতিল (&amp;R)</translation>
    </message>
    <message>
        <source>Reject: nothing goes into gold (the comment box&apos;s text is kept)</source>
        <translation>বাতিল: গোল্ড স্তরে কিছু যাবে না (মন্তব্যের ঘরের লেখা রাখা হবে)</translation>
    </message>
    <message>
        <source>Put the reader&apos;s selection into gold with the label chosen beside the button</source>
        <translation>পাঠ্যে বাছাই করা অংশটি বোতামের পাশে বেছে নেওয়া লেবেলসহ গোল্ড স্তরে রাখুন</translation>
    </message>
    <message>
        <source>Undo the last change in any window (a ruling, a comment…)</source>
        <translation>যেকোনো উইন্ডোর শেষ পরিবর্তন পূর্বাবস্থায় ফেরান (একটি সিদ্ধান্ত, একটি মন্তব্য…)</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>নিষ্পত্তি হয়েছে</translation>
    </message>
    <message>
        <source>Mark the article adjudicated (agreed regions go to gold)</source>
        <translation>প্রতিবেদনটি নিষ্পত্তি হয়েছে চিহ্নিত করুন (মতৈক্যের অংশ গোল্ড স্তরে যাবে)</translation>
    </message>
    <message>
        <source>List every key</source>
        <translation>সব কী-এর তালিকা</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>বন্ধ করুন (&amp;C)</translation>
    </message>
    <message>
        <source>Close the review window</source>
        <translation>পর্যালোচনা উইন্ডো বন্ধ করুন</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>agreed</source>
        <translation>মতৈক্য</translation>
    </message>
    <message>
        <source>label disagreement</source>
        <translation>লেবেলের মতভেদ</translation>
    </message>
    <message>
        <source>boundary disagreement</source>
        <translation>সীমানার মতভেদ</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>শুধু A-তে</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>শুধু B-তে</translation>
    </message>
</context>
</TS>
