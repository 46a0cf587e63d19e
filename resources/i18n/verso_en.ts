<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>BulkEditor</name>
    <message>
        <location filename="../../ui/details.py" line="+399"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title}: current title, {n} or {n:03}: position in the selection, {parent}: parent's title, {year}: start year</source>
        <translation>{title}: current title, {n} or {n:03}: position in the selection, {parent}: parent's title, {year}: start year</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply to the selection</source>
        <translation>Apply to the selection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change for every selected unit</source>
        <translation>Change for every selected unit</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n units selected</source>
        <translation><numerusform>%n unit selected</numerusform><numerusform>%n units selected</numerusform></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>e.g.: %1</source>
        <translation>e.g.: %1</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/commands.py" line="+47"/>
        <source>Edit “%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rename “%1” to “%2”</source>
        <translation>Rename “%1” to “%2”</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Edit %n unit(s)</source>
        <translation><numerusform>Edit %n unit</numerusform><numerusform>Edit %n units</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Move %n unit(s)</source>
        <translation><numerusform>Move %n unit</numerusform><numerusform>Move %n units</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Remove %n unit(s) from the package</source>
        <translation><numerusform>Remove %n unit from the package</numerusform><numerusform>Remove %n units from the package</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Add %n unit(s)</source>
        <translation><numerusform>Add %n unit</numerusform><numerusform>Add %n units</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Group %n unit(s)</source>
        <translation><numerusform>Group %n unit</numerusform><numerusform>Group %n units</numerusform></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>top level</source>
        <translation>top level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sort the children of “%1”</source>
        <translation>Sort the children of “%1”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit the transfer header</source>
        <translation>Edit the transfer header</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/details.py" line="-421"/>
        <source>Set this date</source>
        <translation>Set this date</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location line="+463"/>
        <source>Select a unit to describe it.</source>
        <translation>Select a unit to describe it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management rules</source>
        <translation>Management rules</translation>
    </message>
</context>
<context>
    <name>DropHint</name>
    <message>
        <location filename="../../ui/main_window.py" line="+247"/>
        <source>Drop your folders here</source>
        <translation>Drop your folders here</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drag one or more folders (or files) from the file manager onto this window. Verso reads them, identifies every file and prepares the description; nothing is changed on your disk.</source>
        <translation>Drag one or more folders (or files) from the file manager onto this window. Verso reads them, identifies every file and prepares the description; nothing is changed on your disk.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a folder…</source>
        <translation>Open a folder…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="+49"/>
        <source>Export the SIP</source>
        <translation>Export the SIP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 units, %2 files, %3</source>
        <translation>%1 units, %2 files, %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-read the SIP after writing it</source>
        <translation>Re-read the SIP after writing it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit the header / load a preset…</source>
        <translation>Edit the header / load a preset…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEDA version</source>
        <translation>SEDA version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(missing)</source>
        <translation>(missing)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferring agency: %1</source>
        <translation>Transferring agency: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archival agency: %1</source>
        <translation>Archival agency: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ingest contract: %1</source>
        <translation>Ingest contract: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the SIP as</source>
        <translation>Save the SIP as</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIP (*.zip)</source>
        <translation>SIP (*.zip)</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/findings_panel.py" line="+40"/>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>FormatChart</name>
    <message>
        <location filename="../../ui/format_chart.py" line="+42"/>
        <source>Unknown or not yet analysed</source>
        <translation>Unknown or not yet analysed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other formats</source>
        <translation>Other formats</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No files yet.</source>
        <translation>No files yet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files per format</source>
        <translation>Files per format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size per format</source>
        <translation>Size per format</translation>
    </message>
</context>
<context>
    <name>HeaderDialog</name>
    <message>
        <location filename="../../ui/header_dialog.py" line="+53"/>
        <source>Transfer header</source>
        <translation>Transfer header</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ingest contract</source>
        <translation>Ingest contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival agency (identifier)</source>
        <translation>Archival agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival agency (name)</source>
        <translation>Archival agency (name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferring agency (identifier)</source>
        <translation>Transferring agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferring agency (name)</source>
        <translation>Transferring agency (name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Originating agency (identifier)</source>
        <translation>Originating agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submission agency (identifier)</source>
        <translation>Submission agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acquisition information</source>
        <translation>Acquisition information</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These fields come from your archives service. Load the preset it gave you, or type them in.</source>
        <translation>These fields come from your archives service. Load the preset it gave you, or type them in.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load a preset…</source>
        <translation>Load a preset…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public archives</source>
        <translation>Public archives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private archives</source>
        <translation>Private archives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public and private archives</source>
        <translation>Public and private archives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Legal status</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SEDA version</source>
        <translation>SEDA version</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a preset</source>
        <translation>Choose a preset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Presets (*.yaml *.yml)</source>
        <translation>Presets (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>Preset refused</source>
        <translation>Preset refused</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../../ui/main_window.py" line="+25"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Reading folders… %1 entries</source>
        <translation>Reading folders… %1 entries</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysing %1 / %2 files — %3 files/s</source>
        <translation>Analysing %1 / %2 files — %3 files/s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exporting %1 / %2 — %3/s</source>
        <translation>Exporting %1 / %2 — %3/s</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../../ui/formatting.py" line="+15"/>
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subfonds</source>
        <translation>Subfonds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subseries</source>
        <translation>Subseries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record group</source>
        <translation>Record group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subgroup</source>
        <translation>Subgroup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other level</source>
        <translation>Other level</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+55"/>
        <source>Search titles, descriptions, file names, formats…</source>
        <translation>Search titles, descriptions, file names, formats…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Open a folder…</source>
        <translation>&amp;Open a folder…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New transfer</source>
        <translation>&amp;New transfer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer &amp;header…</source>
        <translation>Transfer &amp;header…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export the SIP…</source>
        <translation>&amp;Export the SIP…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move from the package</source>
        <translation>Re&amp;move from the package</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take the selected units out of the package (your files are not touched)</source>
        <translation>Take the selected units out of the package (your files are not touched)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Group into a new unit…</source>
        <translation>&amp;Group into a new unit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sort children by title</source>
        <translation>&amp;Sort children by title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xpand all</source>
        <translation>E&amp;xpand all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collapse all</source>
        <translation>&amp;Collapse all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Verso</source>
        <translation>&amp;About Verso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences</source>
        <translation>&amp;Preferences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Identification engine</source>
        <translation>&amp;Identification engine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Siegfried (PRONOM, recommended)</source>
        <translation>Siegfried (PRONOM, recommended)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fido (PRONOM, slower)</source>
        <translation>Fido (PRONOM, slower)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libmagic (MIME types only)</source>
        <translation>libmagic (MIME types only)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Scan cancelled: nothing was added.</source>
        <translation>Scan cancelled: nothing was added.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n unit(s) changed.</source>
        <translation><numerusform>%n unit changed.</numerusform><numerusform>%n units changed.</numerusform></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The language will change the next time Verso starts.</source>
        <translation>The language will change the next time Verso starts.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a folder</source>
        <translation>Open a folder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Please wait for the current job to finish.</source>
        <translation>Please wait for the current job to finish.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Scan finished in %1 s: %2 files.</source>
        <translation>Scan finished in %1 s: %2 files.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan failed</source>
        <translation>Scan failed</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New transfer</source>
        <translation>New transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the current package? Your files on disk are not touched.</source>
        <translation>Forget the current package? Your files on disk are not touched.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n matching unit(s).</source>
        <translation><numerusform>%n matching unit.</numerusform><numerusform>%n matching units.</numerusform></translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+2"/>
        <source>New unit</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Title of the new unit:</source>
        <translation>Title of the new unit:</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Export the SIP</source>
        <translation>Export the SIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The SIP was written:
%1

%2 units, %3 files, %4.</source>
        <translation>The SIP was written:
%1

%2 units, %3 files, %4.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>See the findings panel: %n warning(s).</source>
        <translation><numerusform>See the findings panel: %n warning.</numerusform><numerusform>See the findings panel: %n warnings.</numerusform></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export finished</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SIP was not written.</source>
        <translation>The SIP was not written.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Findings (%1)</source>
        <translation>Findings (%1)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 units · %2 files · %3 · %4 unknown formats</source>
        <translation>%1 units · %2 files · %3 · %4 unknown formats</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Identification: %1</source>
        <translation>Identification: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 (+%n more)</source>
        <translation><numerusform>%1 (+%n more)</numerusform><numerusform>%1 (+%n more)</numerusform></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About Verso</source>
        <translation>About Verso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verso prepares SEDA 2.1, 2.2 and 2.3 transfer packages (SIP) for a Vitam archiving system.
Your files are only read, never changed.</source>
        <translation>Verso prepares SEDA 2.1, 2.2 and 2.3 transfer packages (SIP) for a Vitam archiving system.
Your files are only read, never changed.</translation>
    </message>
</context>
<context>
    <name>ObjectPanel</name>
    <message>
        <location filename="../../ui/details.py" line="-259"/>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path on disk</source>
        <translation>Path on disk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PRONOM id</source>
        <translation>PRONOM id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIME type</source>
        <translation>MIME type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified by</source>
        <translation>Identified by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last modified</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-512</source>
        <translation>SHA-512</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the file</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>analysing…</source>
        <translation>analysing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>PackageRulesEditor</name>
    <message>
        <location filename="../../ui/rules_editor.py" line="+1199"/>
        <source>Ces règles s'appliquent à toutes les unités du versement.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+18"/>
        <source>Règles de gestion de tout le versement (ManagementMetadata)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>PackageTreeModel</name>
    <message>
        <location filename="../../ui/tree_model.py" line="+173"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>PositioningTreeModel</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="+126"/>
        <source>Intitulé</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Niveau</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identifiants</source>
        <translation>Identifiants</translation>
    </message>
</context>
<context>
    <name>PresetEditorDialog</name>
    <message>
        <location filename="../../ui/preset_editor.py" line="+113"/>
        <source>Préréglage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+11"/>
        <source>Ouvrir…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Dupliquer…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer sous…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Fermer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+14"/>
        <source>Général</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>En-tête</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiels</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Règles par défaut</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Rattachement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Fichiers écartés</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+35"/>
        <source>Nom :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Description :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Version du SEDA :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnaissance des formats :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+4"/>
        <source>Siegfried (recommandé, celui de Vitam)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+9"/>
        <source>Contrat d'entrée (ArchivalAgreement)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Service d'archives : identifiant</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Service d'archives : nom</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Service versant : identifiant</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Service versant : nom</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Service producteur : identifiant</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Service qui soumet : identifiant</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Modalité d'entrée</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Commentaire</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+30"/>
        <source>(non précisé)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Archives publiques</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Archives privées</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Archives publiques et privées</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Statut légal :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Référentiel des règles de gestion (CSV)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiel des services (CSV)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbre de positionnement ou plan de classement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+8"/>
        <source>Importer…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+10"/>
        <source>Les fichiers importés sont vérifiés comme le fait le service d'archives puis copiés dans le dossier de données de Verso : inutile de les garder ailleurs.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+15"/>
        <source>Ces règles sont ajoutées à chaque versement fait avec ce préréglage (seuls l'identifiant, la date de départ et le sort final sont enregistrés).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+14"/>
        <source>Identifiant système (GUID) :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+6"/>
        <source>ou identifiant — nom :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>identifiant — valeur :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Intitulé (affichage) :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir dans l'arbre…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne pas rattacher</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+14"/>
        <source>Un motif par ligne ; « * » remplace n'importe quelle suite de caractères (majuscules et minuscules indifférentes).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+71"/>
        <source>Rattachement : donnez soit l'identifiant système, soit le nom et la valeur d'un identifiant, pas les deux.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+6"/>
        <source>Rattachement : le nom et la valeur de l'identifiant vont ensemble.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+15"/>
        <source>Préréglage « %1 » illisible : %2</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+16"/>
        <source>Choisissez d'abord où enregistrer le préréglage.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+21"/>
        <source>Enregistrement impossible dans « %1 » : %2</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+50"/>
        <source>Fichier refusé :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+31"/>
        <source>aucun</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — illisible ou refusé, importez-le à nouveau</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 règles</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 services</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 nœuds</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+35"/>
        <source>« %1 » n'est pas dans le référentiel des services.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+15"/>
        <source>Nouveau préréglage (non enregistré)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+6"/>
        <source>Ouvrir un préréglage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+0"/>
        <source>Préréglages (*.yaml *.yml)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+12"/>
        <source>Enregistrer le préréglage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Préréglages (*.yaml)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="-7"/>
        <source>Dupliquer le préréglage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom de la copie :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (copie)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer la copie</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Référentiel des règles (*.csv)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiel des services (*.csv)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbres (*.zip *.xml *.csv)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Fichier refusé</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Le service d'archives refuserait ce fichier :</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RulePickerDialog</name>
    <message>
        <location filename="../../ui/rules_editor.py" line="-695"/>
        <source>Règle de gestion : %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Rechercher par code ou intitulé…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+0"/>
        <source>Intitulé</source>
        <translation type="unfinished">Intitulé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Durée</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+13"/>
        <source>Identifiant de la règle, ex. APP-00001</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun référentiel des règles n'est chargé : saisissez l'identifiant exact donné par le service d'archives. Un identifiant inconnu fera refuser le versement.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+6"/>
        <source>Règle</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+12"/>
        <source>Date de fin de l'unité</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+4"/>
        <source> (celle de chaque unité)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source> (non renseignée)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Date choisie</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Sans date de départ</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+10"/>
        <source>Date de départ du calcul :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Options de la catégorie</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+5"/>
        <source>— à choisir —</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+5"/>
        <source>Sort final :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne pas hériter des règles des niveaux supérieurs</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+13"/>
        <source>Ne pas hériter de :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+9"/>
        <source>Réévaluation soumise à autorisation</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Interdire le réarrangement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Niveau de classification :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Émetteur de la classification :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffusion restreinte à :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Date de réévaluation :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="-3"/>
        <source>Fin du gel :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsable du gel :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif du gel :</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+84"/>
        <source>Choisissez une règle.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisissez le sort final.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+4"/>
        <source>Le niveau et l'émetteur de la classification sont obligatoires.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+78"/>
        <source>Durée : %1</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <location line="-688"/>
        <source>Durée d'utilité administrative (DUA)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Communicabilité</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée d'utilité courante</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffusion</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Réutilisation</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Gel</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+7"/>
        <source>Conserver</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Détruire</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Restreindre l'accès</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Transférer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Copier</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+11"/>
        <source>illimitée</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 an</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ans</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 mois</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 jour</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 jours</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+697"/>
        <source>État intermédiaire : non précisé</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+35"/>
        <source>Aucun référentiel des règles : les intitulés, durées et dates de fin ne peuvent pas être calculés. Importez-le depuis le préréglage.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+17"/>
        <source>En gris : règles héritées d'un niveau supérieur.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Ajouter une règle</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+9"/>
        <source>Modifier…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne pas hériter</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Empêche l'unité d'hériter de la règle sélectionnée (RefNonRuleId).</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Options de la catégorie…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+44"/>
        <source>Sélectionnez une unité pour voir ses règles de gestion.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+17"/>
        <source>Règles de gestion de « %1 »</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unités sélectionnées : règles de « %2 » affichées ; les modifications s'appliquent à toutes.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+17"/>
        <source>cette unité</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+0"/>
        <source>niveau du versement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>hérité du niveau du versement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>hérité de « %1 »</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+43"/>
        <source>Remplacer la règle %1 par %2</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>Modifier la règle %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Ajouter la règle %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>Options : %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+14"/>
        <source>Retirer la règle %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+12"/>
        <source>Ne plus hériter de la règle %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1 unités)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location line="-780"/>
        <source>Règle</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Intitulé</source>
        <translation type="unfinished">Intitulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de départ</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de fin</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort final</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+1"/>
        <source>Origine</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+114"/>
        <source>aucune règle</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+2"/>
        <source>héritage bloqué</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+3"/>
        <source>n'hérite pas de : %1</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+22"/>
        <source>sans date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location line="+14"/>
        <source>Pas de date de fin : règle sans date de départ, illimitée ou inconnue du référentiel.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RulesPlaceholder</name>
    <message>
        <location filename="../../ui/details.py" line="+148"/>
        <source>Management rules (appraisal, access…) will be edited here. Until then, the transfer's default rules come from the preset.</source>
        <translation>Management rules (appraisal, access…) will be edited here. Until then, the transfer's default rules come from the preset.</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message numerus="yes">
        <location filename="../../ui/scan_controller.py" line="+183"/>
        <source>Add %n unit(s) from disk</source>
        <translation><numerusform>Add %n unit from disk</numerusform><numerusform>Add %n units from disk</numerusform></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cancel the addition</source>
        <translation>Cancel the addition</translation>
    </message>
</context>
<context>
    <name>SetAttachmentCommand</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="+374"/>
        <source>Rattacher à « %1 »</source>
        <translation>Rattacher à « %1 »</translation>
    </message>
</context>
<context>
    <name>Sizes</name>
    <message>
        <location filename="../../ui/formatting.py" line="+8"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TB</source>
        <translation>TB</translation>
    </message>
</context>
<context>
    <name>StringListEditor</name>
    <message>
        <location filename="../../ui/details.py" line="-400"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected entry</source>
        <translation>Remove the selected entry</translation>
    </message>
</context>
<context>
    <name>TreePickerDialog</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="-422"/>
        <source>Cote</source>
        <translation>Cote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identifiant producteur</source>
        <translation>Identifiant producteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identifiant versant</source>
        <translation>Identifiant versant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position dans le plan</source>
        <translation>Position dans le plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiant système d'origine</source>
        <translation>Identifiant système d'origine</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>par identifiant système %1</source>
        <translation>par identifiant système %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>par %1 = « %2 »</source>
        <translation>par %1 = « %2 »</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>Rattachement dans l'arbre du service d'archives</source>
        <translation>Rattachement dans l'arbre du service d'archives</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importer un arbre…</source>
        <translation>Importer un arbre…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arbre de positionnement ou plan de classement : bordereau (zip) qui l'a créé, manifeste XML, export DIP (zip) ou tableau CSV de ReSIP.</source>
        <translation>Arbre de positionnement ou plan de classement : bordereau (zip) qui l'a créé, manifeste XML, export DIP (zip) ou tableau CSV de ReSIP.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rechercher un intitulé, une cote, un identifiant…</source>
        <translation>Rechercher un intitulé, une cote, un identifiant…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rattachement actuel : « %1 » %2</source>
        <translation>Rattachement actuel : « %1 » %2</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Aucun arbre chargé : importez l'arbre ou le plan fourni par le service d'archives.</source>
        <translation>Aucun arbre chargé : importez l'arbre ou le plan fourni par le service d'archives.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 nœuds — %2</source>
        <translation>%1 nœuds — %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choisissez le nœud sous lequel ranger le versement.</source>
        <translation>Choisissez le nœud sous lequel ranger le versement.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ce nœud n'a ni identifiant système ni identifiant utilisable : le service d'archives ne pourra pas le retrouver. Choisissez un autre nœud ou demandez un export DIP de l'arbre.</source>
        <translation>Ce nœud n'a ni identifiant système ni identifiant utilisable : le service d'archives ne pourra pas le retrouver. Choisissez un autre nœud ou demandez un export DIP de l'arbre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Les unités de premier niveau seront rattachées %1.</source>
        <translation>Les unités de premier niveau seront rattachées %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importer un arbre de positionnement ou un plan de classement</source>
        <translation>Importer un arbre de positionnement ou un plan de classement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arbres (*.zip *.xml *.csv);;Tous les fichiers (*)</source>
        <translation>Arbres (*.zip *.xml *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Arbre refusé</source>
        <translation>Arbre refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce fichier ne peut pas servir d'arbre :</source>
        <translation>Ce fichier ne peut pas servir d'arbre :</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../ui/details.py" line="+64"/>
        <source>New keyword, then Enter</source>
        <translation>New keyword, then Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifier given by the producer</source>
        <translation>Identifier given by the producer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start date</source>
        <translation>&amp;Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End date</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords</source>
        <translation>&amp;Keywords</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Originating identifiers</source>
        <translation>&amp;Originating identifiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made from</source>
        <translation>Made from</translation>
    </message>
</context>
</TS>