<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="0"/>
        <source>About Verso</source>
        <translation>À propos de Verso</translation>
    </message>
    <message>
        <source>not installed (optional)</source>
        <translation>non installé (facultatif)</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installé</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Verso version</source>
        <translation>Version de Verso</translation>
    </message>
    <message>
        <source>SEDA versions</source>
        <translation>Versions du SEDA</translation>
    </message>
    <message>
        <source>Siegfried signatures</source>
        <translation>Signatures de siegfried</translation>
    </message>
    <message>
        <source>Identification engine</source>
        <translation>Outil d'identification</translation>
    </message>
    <message>
        <source>libmagic (MIME types)</source>
        <translation>libmagic (types MIME)</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Version de Qt</translation>
    </message>
    <message>
        <source>Python version</source>
        <translation>Version de Python</translation>
    </message>
    <message>
        <source>Verso prepares SEDA transfer packages (SIP) for a Vitam archiving system. Your files are only read, never changed.</source>
        <translation>Verso prépare des versements SEDA (SIP) pour un système d'archivage électronique Vitam. Vos fichiers sont seulement lus, jamais modifiés.</translation>
    </message>
</context>
<context>
    <name>ArchiveProfilesTab</name>
    <message>
        <location filename="../../ui/profile_guide.py" line="+1"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer profile (RNG):</source>
        <translation>Profil d'archivage (RNG) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its identifier in the archives' referential:</source>
        <translation>Son identifiant dans le référentiel du service d'archives :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive-unit profiles (JSON):</source>
        <translation>Profils d'unité archivistique (JSON) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the transfer profile</source>
        <translation>Choisir le profil d'archivage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RelaxNG (*.rng)</source>
        <translation>RelaxNG (*.rng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose archive-unit profiles</source>
        <translation>Choisir des profils d'unité archivistique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>AttachmentController</name>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="19"/>
        <source>&amp;Attach to the positioning tree…</source>
        <translation>R&amp;attacher à l'arbre de positionnement…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="24"/>
        <source>Attach…</source>
        <translation>Rattacher…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="22"/>
        <source>Choose where the archives service files the top-level units</source>
        <translation>Choisir où le service d'archives range les unités de premier niveau</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="77"/>
        <source>Only top-level units are attached (the rest follows them): the choice applies to %1.</source>
        <translation>Seules les unités de premier niveau sont rattachées (le reste les suit) : le choix s'applique à %1.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="74"/>
        <source>Units attached: %1</source>
        <translation>Unités rattachées : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="72"/>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
</context>
<context>
    <name>BulkEditor</name>
    <message>
        <location filename="../../ui/details.py" line="+455"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title}: current title, {n} or {n:03}: position in the selection, {parent}: parent's title, {year}: start year</source>
        <translation>{title} : titre actuel, {n} ou {n:03} : rang dans la sélection, {parent} : titre du parent, {year} : année de début</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply to the selection</source>
        <translation>Appliquer à la sélection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change for every selected unit</source>
        <translation>Modifier pour chaque unité sélectionnée</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n units selected</source>
        <translation>
            <numerusform>%n unité sélectionnée</numerusform>
            <numerusform>%n unités sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>e.g.: %1</source>
        <translation>ex. : %1</translation>
    </message>
    <message>
        <source>Add a writer</source>
        <translation>Ajouter un rédacteur</translation>
    </message>
    <message>
        <source>Writer's name</source>
        <translation>Nom du rédacteur</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Language codes, e.g. fr, oc</source>
        <translation>Codes de langue, par ex. fr, oc</translation>
    </message>
    <message>
        <source>Not a language code: write e.g. fr, en, oc, fr-FR.</source>
        <translation>Ce n'est pas un code de langue : écrivez par ex. fr, en, oc, fr-FR.</translation>
    </message>
    <message>
        <source>Cote</source>
        <translation>Cote</translation>
    </message>
    <message>
        <source>e.g. 3 W {n}</source>
        <translation>ex. 3 W {n}</translation>
    </message>
    <message>
        <source>{n} or {n:03}: position in the selection, {title}: title, {year}: start year. Empty: the cotes are removed. Edit › Number the cotes… numbers by level.</source>
        <translation>{n} ou {n:03} : position dans la sélection, {title} : titre, {year} : année de début. Vide : les cotes sont retirées. Édition › Numéroter les cotes… numérote par niveau.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/commands.py" line="+47"/>
        <source>Edit “%1”</source>
        <translation>Modifier « %1 »</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rename “%1” to “%2”</source>
        <translation>Renommer « %1 » en « %2 »</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Edit %n unit(s)</source>
        <translation>
            <numerusform>Modifier %n unité</numerusform>
            <numerusform>Modifier %n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Move %n unit(s)</source>
        <translation>
            <numerusform>Déplacer %n unité</numerusform>
            <numerusform>Déplacer %n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Remove %n unit(s) from the package</source>
        <translation>
            <numerusform>Retirer %n unité du paquet</numerusform>
            <numerusform>Retirer %n unités du paquet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Add %n unit(s)</source>
        <translation>
            <numerusform>Ajouter %n unité</numerusform>
            <numerusform>Ajouter %n unités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Group %n unit(s)</source>
        <translation>
            <numerusform>Regrouper %n unité</numerusform>
            <numerusform>Regrouper %n unités</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>top level</source>
        <translation>premier niveau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sort the children of “%1”</source>
        <translation>Trier le contenu de « %1 »</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit the transfer header</source>
        <translation>Modifier l'en-tête du versement</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Apply the profile “%1”</source>
        <translation>Appliquer le profil « %1 »</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ui/controllers/base.py" line="80"/>
        <source>Please wait for the current job to finish.</source>
        <translation>Veuillez attendre la fin du traitement en cours.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/details.py" line="-465"/>
        <source>Set this date</source>
        <translation>Renseigner cette date</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location line="+587"/>
        <source>Select a unit to describe it.</source>
        <translation>Sélectionnez une unité pour la décrire.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management rules</source>
        <translation>Règles de gestion</translation>
    </message>
</context>
<context>
    <name>DropHint</name>
    <message>
        <location filename="../../ui/main_window.py" line="+236"/>
        <source>Drop your folders here</source>
        <translation>Déposez vos dossiers ici</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drag one or more folders (or files) from the file manager onto this window. Verso reads them, identifies every file and prepares the description; nothing is changed on your disk.</source>
        <translation>Faites glisser un ou plusieurs dossiers (ou fichiers) depuis l'explorateur de fichiers sur cette fenêtre. Verso les lit, identifie chaque fichier et prépare la description ; rien n'est modifié sur votre disque.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a folder…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../ui/controllers/edit.py" line="33"/>
        <source>&amp;Group into a new unit…</source>
        <translation>&amp;Regrouper dans une nouvelle unité…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="43"/>
        <source>&amp;Management rules</source>
        <translation>Règles de &amp;gestion</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="23"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="25"/>
        <source>&amp;Rename</source>
        <translation>Re&amp;nommer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="35"/>
        <source>&amp;Sort children by title</source>
        <translation>&amp;Trier le contenu par titre</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="21"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="40"/>
        <source>Move &amp;down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="37"/>
        <source>Move &amp;up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="125"/>
        <source>The tree is sorted by a column: click that column's header until the sort is removed to move units up or down.</source>
        <translation>L'arbre est trié par une colonne : cliquez sur l'en-tête de cette colonne jusqu'à retirer le tri pour monter ou descendre des unités.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="90"/>
        <source>New unit</source>
        <translation>Nouvelle unité</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="27"/>
        <source>Re&amp;move from the package</source>
        <translation>Reti&amp;rer du paquet</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="61"/>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="30"/>
        <source>Take the selected units out of the package (your files are not touched)</source>
        <translation>Retirer les unités sélectionnées du paquet (vos fichiers ne sont pas touchés)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="91"/>
        <source>Title of the new unit:</source>
        <translation>Titre de la nouvelle unité :</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="60"/>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <source>Number the &amp;cotes…</source>
        <translation>Numéroter les &amp;cotes…</translation>
    </message>
    <message>
        <source>Give the selected units and their contents a cote: 3 W 1, 3 W 1/1…</source>
        <translation>Donner une cote aux unités sélectionnées et à leur contenu : 3 W 1, 3 W 1/1…</translation>
    </message>
    <message numerus="yes">
        <source>Number %n cote(s)</source>
        <translation>
            <numerusform>Numéroter %n cote</numerusform>
            <numerusform>Numéroter %n cotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) got a cote.</source>
        <translation>
            <numerusform>%n unité a reçu une cote.</numerusform>
            <numerusform>%n unités ont reçu une cote.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>The SIP was written, but the archives service will refuse it: %n blocking problem(s), listed in the Verification tab.</source>
        <translation>
            <numerusform>Le SIP a été écrit, mais le service d'archives le refusera : %n problème bloquant, listé dans l'onglet Vérification.</numerusform>
            <numerusform>Le SIP a été écrit, mais le service d'archives le refusera : %n problèmes bloquants, listés dans l'onglet Vérification.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocking error(s): see the Verification tab</source>
        <translation>
            <numerusform>%n erreur bloquante : voir l'onglet Vérification</numerusform>
            <numerusform>%n erreurs bloquantes : voir l'onglet Vérification</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the SIP (zip) to give to the archives service</source>
        <translation>Écrire le SIP (zip) à remettre au service d'archives</translation>
    </message>
    <message numerus="yes">
        <source>%n blocking error(s) found by the verification: see the Verification tab.</source>
        <translation>
            <numerusform>%n erreur bloquante trouvée par la vérification : voir l'onglet Vérification.</numerusform>
            <numerusform>%n erreurs bloquantes trouvées par la vérification : voir l'onglet Vérification.</numerusform>
        </translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Un export est déjà en cours.</translation>
    </message>
    <message>
        <source>Export waits for the end of the edit being applied.</source>
        <translation>L'export attend la fin de la modification en cours.</translation>
    </message>
    <message>
        <source>Export waits for the end of the analysis of the files.</source>
        <translation>L'export attend la fin de l'analyse des fichiers.</translation>
    </message>
    <message>
        <source>Nothing to export yet: open a folder or drop files on the window.</source>
        <translation>Rien à exporter pour l'instant : ouvrez un dossier ou déposez des fichiers sur la fenêtre.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="78"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="42"/>
        <source>&amp;Export the SIP…</source>
        <translation>E&amp;xporter le SIP…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="100"/>
        <source>Export anyway</source>
        <translation>Exporter quand même</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="236"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export annulé : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="226"/>
        <source>Export failed</source>
        <translation>L'export a échoué</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="206"/>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="77"/>
        <source>Export the SIP</source>
        <translation>Exporter le SIP</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="101"/>
        <source>Go back and fix</source>
        <translation>Revenir corriger</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="210"/>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="208"/>
        <source>Open the slip</source>
        <translation>Ouvrir le bordereau</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/export.py" line="192"/>
        <source>See the findings panel: %n warning(s).</source>
        <translation>
            <numerusform>Voir les signalements : %n avertissement.</numerusform>
            <numerusform>Voir les signalements : %n avertissements.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="227"/>
        <source>The SIP was not written.</source>
        <translation>Le SIP n'a pas été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="184"/>
        <source>The SIP was written:
%1

%2, %3, %4.</source>
        <translation>Le SIP a été écrit :
%1

%2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/export.py" line="92"/>
        <source>The archives service would refuse this transfer: %n error(s), listed in the Verification tab. Export anyway?</source>
        <translation>
            <numerusform>Le service d'archives refuserait ce versement : %n erreur, listée dans l'onglet Vérification. Exporter quand même ?</numerusform>
            <numerusform>Le service d'archives refuserait ce versement : %n erreurs, listées dans l'onglet Vérification. Exporter quand même ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="205"/>
        <source>The transfer slip was not written: %1</source>
        <translation>Le bordereau de versement n'a pas été écrit : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="198"/>
        <source>Transfer slip to print and sign:
%1</source>
        <translation>Bordereau de versement à imprimer et à signer :
%1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="204"/>
        <source>cancelled before the end; nothing was left</source>
        <translation>interrompu avant la fin ; rien n'a été laissé</translation>
    </message>
    <message>
        <source>Export waits until the transfer slip is written.</source>
        <translation>L'export attend la fin de l'écriture du bordereau.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="+53"/>
        <source>Export the SIP</source>
        <translation>Exporter le SIP</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-read the SIP after writing it</source>
        <translation>Relire le SIP après l'avoir écrit (contrôle des empreintes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A document listing what is transferred, to print and sign; written next to the SIP as %1</source>
        <translation>Document listant ce qui est versé, à imprimer et à signer ; écrit à côté du SIP sous le nom %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit the header / load a preset…</source>
        <translation>Modifier l'en-tête / charger un profil de versement…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEDA version</source>
        <translation>Version du SEDA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(missing)</source>
        <translation>(manquant)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferring agency: %1</source>
        <translation>Service versant : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archival agency: %1</source>
        <translation>Service d'archives : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ingest contract: %1</source>
        <translation>Contrat d'entrée : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the SIP as</source>
        <translation>Enregistrer le SIP sous</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIP (*.zip)</source>
        <translation>SIP (*.zip)</translation>
    </message>
    <message>
        <source>Also write the transfer slip (bordereau)</source>
        <translation>Écrire aussi le bordereau de versement</translation>
    </message>
    <message>
        <source>PDF, to print and sign</source>
        <translation>PDF, à imprimer et signer</translation>
    </message>
    <message>
        <source>HTML, to open in a browser</source>
        <translation>HTML, à ouvrir dans un navigateur</translation>
    </message>
    <message numerus="yes">
        <source>The archives will refuse this transfer: %n blocking problem(s), including: %1.</source>
        <translation>
            <numerusform>Le service d'archives refusera ce versement : %n problème bloquant : %1.</numerusform>
            <numerusform>Le service d'archives refusera ce versement : %n problèmes bloquants, dont : %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>The whole transfer</source>
        <translation>Tout le versement</translation>
    </message>
    <message>
        <source>Transfer header</source>
        <translation>En-tête du versement</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>Statut légal</translation>
    </message>
    <message>
        <source>Acquisition information</source>
        <translation>Modalités d'entrée</translation>
    </message>
    <message>
        <source>Submission agency</source>
        <translation>Service de transfert</translation>
    </message>
    <message>
        <source>Originating agency</source>
        <translation>Service producteur</translation>
    </message>
    <message>
        <source>Transferring agency</source>
        <translation>Service versant</translation>
    </message>
    <message>
        <source>Archival agency</source>
        <translation>Service d'archives</translation>
    </message>
    <message>
        <source>Ingest contract</source>
        <translation>Contrat d'entrée</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="+64"/>
        <source>Finding</source>
        <translation>Signalement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
</context>
<context>
    <name>FormatChart</name>
    <message>
        <location filename="../../ui/format_chart.py" line="+42"/>
        <source>Unknown or not yet analysed</source>
        <translation>Inconnu ou pas encore analysé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other formats</source>
        <translation>Autres formats</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No files yet.</source>
        <translation>Aucun fichier pour l'instant.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files per format</source>
        <translation>Fichiers par format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size per format</source>
        <translation>Volume par format</translation>
    </message>
</context>
<context>
    <name>HeaderController</name>
    <message>
        <location filename="../../ui/controllers/header.py" line="18"/>
        <source>Transfer &amp;header…</source>
        <translation>&amp;En-tête du versement…</translation>
    </message>
</context>
<context>
    <name>HeaderDialog</name>
    <message>
        <location filename="../../ui/header_dialog.py" line="+67"/>
        <source>Transfer header</source>
        <translation>En-tête du versement</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ingest contract</source>
        <translation>Contrat d'entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival agency (identifier)</source>
        <translation>Service d'archives (identifiant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival agency (name)</source>
        <translation>Service d'archives (nom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferring agency (identifier)</source>
        <translation>Service versant (identifiant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferring agency (name)</source>
        <translation>Service versant (nom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Originating agency (identifier)</source>
        <translation>Service producteur (identifiant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submission agency (identifier)</source>
        <translation>Service de transfert (identifiant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acquisition information</source>
        <translation>Modalités d'entrée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These fields come from your archives service. Load the preset it gave you, or type them in.</source>
        <translation>Ces informations viennent de votre service d'archives. Chargez le profil de versement qu'il vous a remis, ou saisissez-les.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load a preset…</source>
        <translation>Charger un profil de versement…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(not given)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Legal status</source>
        <translation>Statut légal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SEDA version</source>
        <translation>Version du SEDA</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a default rule</source>
        <translation>Ajouter une règle par défaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every unit of the transfer inherits these rules (ManagementMetadata), unless a unit says otherwise in its own “Management rules” tab.</source>
        <translation>Toutes les unités du versement héritent de ces règles (ManagementMetadata), sauf si une unité en décide autrement dans son propre onglet « Règles de gestion ».</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default rules (transfer level)</source>
        <translation>Règles par défaut (niveau du versement)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose a preset</source>
        <translation>Choisir un profil de versement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Presets (*.yaml *.yml)</source>
        <translation>Profils de versement (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>Preset refused</source>
        <translation>Profil de versement refusé</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="0"/>
        <source>Verso help</source>
        <translation>Aide de Verso</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d'utilisation</translation>
    </message>
    <message>
        <source>&amp;About Verso</source>
        <translation>À &amp;propos de Verso</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Search box: go to the next result</source>
        <translation>Zone de recherche : aller au résultat suivant</translation>
    </message>
    <message>
        <source>Where Verso keeps an automatic copy of unsaved work, offered again after a crash</source>
        <translation>Où Verso garde une copie automatique du travail non enregistré, proposée à nouveau après un arrêt inattendu</translation>
    </message>
    <message>
        <source>Open the &amp;recovery folder</source>
        <translation>Ouvrir le dossier de &amp;récupération</translation>
    </message>
    <message>
        <source>The folder where you last saved your work (.verso)</source>
        <translation>Le dossier où vous avez enregistré votre travail (.verso) la dernière fois</translation>
    </message>
    <message>
        <source>Open the &amp;saved-work folder</source>
        <translation>Ouvrir le dossier des &amp;travaux enregistrés</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/help.py" line="12"/>
        <source>&amp;About Verso</source>
        <translation>À &amp;propos de Verso</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/help.py" line="12"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d'utilisation</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../ui/controllers/import_.py" line="41"/>
        <source>&amp;Open a folder…</source>
        <translation>&amp;Ouvrir un dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="44"/>
        <source>Add &amp;files…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="67"/>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="107"/>
        <source>Only the saved work was opened; drop folders once it is open.</source>
        <translation>Seul le travail enregistré a été ouvert ; déposez les dossiers une fois qu'il est ouvert.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="60"/>
        <source>Open a folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="47"/>
        <source>Open an existing S&amp;IP…</source>
        <translation>Ouvrir un &amp;SIP existant…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="140"/>
        <source>Open an existing SIP</source>
        <translation>Ouvrir un SIP existant</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="50"/>
        <source>Reopen a transfer package (made by Verso, ReSIP…) to fix and export it again</source>
        <translation>Rouvrir un paquet de versement (fait par Verso, ReSIP…) pour le corriger et l'exporter à nouveau</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="178"/>
        <source>SIP opened: %1, %2. Fix what is needed, then export it again.</source>
        <translation>SIP ouvert : %1, %2. Corrigez ce qui doit l'être, puis exportez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="36"/>
        <source>Scan cancelled: nothing was added.</source>
        <translation>Analyse annulée : rien n'a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="129"/>
        <source>Scan failed</source>
        <translation>L'analyse a échoué</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="122"/>
        <source>Scan finished in %1 s: %2.</source>
        <translation>Analyse terminée en %1 s : %2.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="142"/>
        <source>Transfer packages (*.zip)</source>
        <translation>Paquets de versement (*.zip)</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Writing the table… %1 / %2</source>
        <translation>Écriture du tableau… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+25"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Reading folders… %1 entries</source>
        <translation>Lecture des dossiers… %1 éléments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysing %1 / %2 — %3 files/s</source>
        <translation>Analyse : %1 / %2 — %3 fichiers/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving the work…</source>
        <translation>Enregistrement du travail…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing the transfer slip… %1 %</source>
        <translation>Écriture du bordereau de versement… %1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting %1 / %2 — %3/s</source>
        <translation>Export : %1 / %2 — %3/s</translation>
    </message>
    <message>
        <source>Preparing the edit of %1…</source>
        <translation>Préparation de la modification de %1…</translation>
    </message>
    <message>
        <source>Applying the edit: %1 / %2</source>
        <translation>Modification : %1 / %2</translation>
    </message>
    <message>
        <source>Undoing the edit: %1 / %2</source>
        <translation>Annulation de la modification : %1 / %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+77"/>
        <source>Search titles, descriptions, file names, formats…</source>
        <translation>Rechercher dans les titres, descriptions, noms de fichiers, formats…</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+702"/>
        <source>Findings</source>
        <translation>Signalements</translation>
    </message>
    <message>
        <location line="-701"/>
        <location line="+446"/>
        <location line="+258"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="-703"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xpand all</source>
        <translation>&amp;Tout déplier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collapse all</source>
        <translation>Tout &amp;replier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Versement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pro&amp;files</source>
        <translation>Pro&amp;fils</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Preferences</source>
        <translation>&amp;Préférences</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>Barre d'outils principale</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n unit(s) changed.</source>
        <translation>
            <numerusform>%n unité modifiée.</numerusform>
            <numerusform>%n unités modifiées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+52"/>
        <location line="+212"/>
        <location line="+88"/>
        <source>Please wait for the current job to finish.</source>
        <translation>Veuillez attendre la fin du traitement en cours.</translation>
    </message>
</context>
<context>
    <name>ObjectPanel</name>
    <message>
        <location filename="../../ui/details.py" line="-342"/>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path on disk</source>
        <translation>Chemin sur le disque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PRONOM id</source>
        <translation>Identifiant PRONOM</translation>
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
        <translation>Type MIME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified by</source>
        <translation>Identifié par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last modified</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-512</source>
        <translation>Empreinte SHA-512</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>analysing…</source>
        <translation>analyse en cours…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>PackageRulesEditor</name>
    <message>
        <location filename="../../ui/rules_editor.py" line="+1215"/>
        <source>Ces règles s'appliquent à toutes les unités du versement.</source>
        <translation>Ces règles s'appliquent à toutes les unités du versement.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Règles de gestion de tout le versement (ManagementMetadata)</source>
        <translation>Règles de gestion de tout le versement (ManagementMetadata)</translation>
    </message>
</context>
<context>
    <name>PackageTreeModel</name>
    <message>
        <location filename="../../ui/tree_model.py" line="+175"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Niveau</translation>
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
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Own management rules: %1</source>
        <translation>Règles de gestion propres : %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+312"/>
        <source>Attached under “%1” in the archives' tree (%2)</source>
        <translation>Rattachée sous « %1 » dans l'arbre du service d'archives (%2)</translation>
    </message>
    <message>
        <source>Cote</source>
        <translation>Cote</translation>
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
    <name>PreferencesController</name>
    <message>
        <source>Close Verso and open it again to use it; your choice is kept.</source>
        <translation>Fermez Verso puis rouvrez-le pour l'appliquer ; votre choix est enregistré.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="24"/>
        <source>&amp;Identification engine</source>
        <translation>Moteur d'&amp;identification</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="15"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="28"/>
        <source>Fido (PRONOM, slower)</source>
        <translation>Fido (PRONOM, plus lent)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="27"/>
        <source>Siegfried (PRONOM, recommended)</source>
        <translation>Siegfried (PRONOM, recommandé)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="44"/>
        <source>The language will change the next time Verso starts.</source>
        <translation>La langue changera au prochain démarrage de Verso.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="29"/>
        <source>libmagic (MIME types only)</source>
        <translation>libmagic (types MIME seulement)</translation>
    </message>
</context>
<context>
    <name>PresetEditorDialog</name>
    <message>
        <location filename="../../ui/preset_editor.py" line="+113"/>
        <source>Profil de versement</source>
        <translation>Profil de versement</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ouvrir…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dupliquer…</source>
        <translation>Dupliquer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer sous…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fermer</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Général</source>
        <translation>Général</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En-tête</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiels</source>
        <translation>Référentiels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Règles par défaut</source>
        <translation>Règles par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rattachement</source>
        <translation>Rattachement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fichiers écartés</source>
        <translation>Fichiers écartés</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nom :</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description :</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version du SEDA :</source>
        <translation>Version du SEDA :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnaissance des formats :</source>
        <translation>Reconnaissance des formats :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Siegfried (recommandé, celui de Vitam)</source>
        <translation>Siegfried (recommandé, celui de Vitam)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contrat d'entrée (ArchivalAgreement)</source>
        <translation>Contrat d'entrée (ArchivalAgreement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service d'archives : identifiant</source>
        <translation>Service d'archives : identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service d'archives : nom</source>
        <translation>Service d'archives : nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service versant : identifiant</source>
        <translation>Service versant : identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service versant : nom</source>
        <translation>Service versant : nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service producteur : identifiant</source>
        <translation>Service producteur : identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service qui soumet : identifiant</source>
        <translation>Service qui soumet : identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modalité d'entrée</source>
        <translation>Modalité d'entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commentaire</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(non précisé)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statut légal :</source>
        <translation>Statut légal :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Référentiel des règles de gestion (CSV)</source>
        <translation>Référentiel des règles de gestion (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiel des services (CSV)</source>
        <translation>Référentiel des services (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbre de positionnement ou plan de classement</source>
        <translation>Arbre de positionnement ou plan de classement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importer…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Les fichiers importés sont vérifiés comme le fait le service d'archives puis copiés dans le dossier de données de Verso : inutile de les garder ailleurs.</source>
        <translation>Les fichiers importés sont vérifiés comme le fait le service d'archives puis copiés dans le dossier de données de Verso : inutile de les garder ailleurs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ces règles sont ajoutées à chaque versement fait avec ce profil de versement (seuls l'identifiant, la date de départ et le sort final sont enregistrés).</source>
        <translation>Ces règles sont ajoutées à chaque versement fait avec ce profil de versement (seuls l'identifiant, la date de départ et le sort final sont enregistrés).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Identifiant système (GUID) :</source>
        <translation>Identifiant système (GUID) :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ou identifiant — nom :</source>
        <translation>ou identifiant — nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identifiant — valeur :</source>
        <translation>identifiant — valeur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intitulé (affichage) :</source>
        <translation>Intitulé (affichage) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir dans l'arbre…</source>
        <translation>Choisir dans l'arbre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne pas rattacher</source>
        <translation>Ne pas rattacher</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Un motif par ligne ; « * » remplace n'importe quelle suite de caractères (majuscules et minuscules indifférentes).</source>
        <translation>Un motif par ligne ; « * » remplace n'importe quelle suite de caractères (majuscules et minuscules indifférentes).</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Rattachement : donnez soit l'identifiant système, soit le nom et la valeur d'un identifiant, pas les deux.</source>
        <translation>Rattachement : donnez soit l'identifiant système, soit le nom et la valeur d'un identifiant, pas les deux.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rattachement : le nom et la valeur de l'identifiant vont ensemble.</source>
        <translation>Rattachement : le nom et la valeur de l'identifiant vont ensemble.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Profil de versement « %1 » illisible : %2</source>
        <translation>Profil de versement « %1 » illisible : %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choisissez d'abord où enregistrer le profil de versement.</source>
        <translation>Choisissez d'abord où enregistrer le profil de versement.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enregistrement impossible dans « %1 » : %2</source>
        <translation>Enregistrement impossible dans « %1 » : %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Fichier refusé :</source>
        <translation>Fichier refusé :</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>aucun</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — illisible ou refusé, importez-le à nouveau</source>
        <translation>%1 — illisible ou refusé, importez-le à nouveau</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>« %1 » n'est pas dans le référentiel des services.</source>
        <translation>« %1 » n'est pas dans le référentiel des services.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nouveau profil de versement (non enregistré)</source>
        <translation>Nouveau profil de versement (non enregistré)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ouvrir un profil de versement</source>
        <translation>Ouvrir un profil de versement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profils de versement (*.yaml *.yml)</source>
        <translation>Profils de versement (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enregistrer le profil de versement</source>
        <translation>Enregistrer le profil de versement</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Profils de versement (*.yaml)</source>
        <translation>Profils de versement (*.yaml)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Dupliquer le profil de versement</source>
        <translation>Dupliquer le profil de versement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom de la copie :</source>
        <translation>Nom de la copie :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (copie)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer la copie</source>
        <translation>Enregistrer la copie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Référentiel des règles (*.csv)</source>
        <translation>Référentiel des règles (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiel des services (*.csv)</source>
        <translation>Référentiel des services (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbres (*.zip *.xml *.csv)</source>
        <translation>Arbres (*.zip *.xml *.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fichier refusé</source>
        <translation>Fichier refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le service d'archives refuserait ce fichier :</source>
        <translation>Le service d'archives refuserait ce fichier :</translation>
    </message>
    <message>
        <source>Profils d'archivage</source>
        <translation>Profils d'archivage</translation>
    </message>
</context>
<context>
    <name>ProfileGuide</name>
    <message>
        <location filename="../../ui/profile_guide.py" line="+1"/>
        <source>Value set by the archival profile.</source>
        <translation>Valeur imposée par le profil d'archivage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The archival profile allows at most %1.</source>
        <translation>Le profil d'archivage en admet au plus %1.</translation>
    </message>
</context>
<context>
    <name>ProfileGuidePanel</name>
    <message>
        <location filename="../../ui/profile_guide.py" line="+1"/>
        <source>Expected unit</source>
        <translation>Unité attendue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here</source>
        <translation>Présentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deviations from the profile:</source>
        <translation>Écarts au profil :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival profile: %1</source>
        <translation>Profil d'archivage : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n required field(s) to fill</source>
        <translation>
            <numerusform>%n champ obligatoire à remplir</numerusform>
            <numerusform>%n champs obligatoires à remplir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n deviation(s) from the profile</source>
        <translation>
            <numerusform>%n écart au profil</numerusform>
            <numerusform>%n écarts au profil</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transfer follows the profile.</source>
        <translation>Le versement suit le profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No archival profile in the preset.</source>
        <translation>Aucun profil d'archivage dans le profil de versement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any level</source>
        <translation>tout niveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing: the profile requires this unit.</source>
        <translation>Manquante : le profil exige cette unité.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some units of this kind deviate from the profile.</source>
        <translation>Des unités de ce type s'écartent du profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds files.</source>
        <translation>Contient des fichiers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(same structure again)</source>
        <translation>(même structure, à nouveau)</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <location filename="../../ui/controllers/profile.py" line="48"/>
        <source>&amp;Stop using the profile</source>
        <translation>&amp;Ne plus utiliser de profil</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="46"/>
        <source>&amp;Use a profile for this transfer…</source>
        <translation>&amp;Utiliser un profil pour ce versement…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="54"/>
        <source>Import the &amp;agencies referential…</source>
        <translation>Importer le référentiel des &amp;services…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="50"/>
        <source>Import the &amp;rules referential…</source>
        <translation>Importer le référentiel des &amp;règles…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="249"/>
        <source>Import the agencies referential</source>
        <translation>Importer le référentiel des services</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="58"/>
        <source>Import the positioning &amp;tree…</source>
        <translation>Importer l'&amp;arbre de positionnement…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="250"/>
        <source>Import the positioning tree</source>
        <translation>Importer l'arbre de positionnement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="248"/>
        <source>Import the rules referential</source>
        <translation>Importer le référentiel des règles</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="203"/>
        <source>No transfer profile</source>
        <translation>Aucun profil de versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="93"/>
        <source>Profile refused</source>
        <translation>Profil de versement refusé</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="207"/>
        <source>Profile: %1</source>
        <translation>Profil : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="171"/>
        <source>Profiles (*.yaml *.yml)</source>
        <translation>Profils de versement (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="204"/>
        <source>Profiles › Use a profile for this transfer…</source>
        <translation>Profils › Utiliser un profil pour ce versement…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="243"/>
        <source>Referential imported: %1</source>
        <translation>Référentiel importé : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="253"/>
        <source>Referentials (*.csv)</source>
        <translation>Référentiels (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="269"/>
        <source>The archives service would refuse this file:</source>
        <translation>Le service d'archives refuserait ce fichier :</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="71"/>
        <source>The transfer profile “%1” could not be read again.</source>
        <translation>Le profil de versement « %1 » n'a pas pu être relu.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="44"/>
        <source>Transfer &amp;profiles…</source>
        <translation>&amp;Profils de versement…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="191"/>
        <source>Transfer profiles</source>
        <translation>Profils de versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="255"/>
        <source>Trees and filing plans (*.zip *.xml *.csv)</source>
        <translation>Arbres et plans de classement (*.zip *.xml *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="169"/>
        <source>Use a transfer profile</source>
        <translation>Utiliser un profil de versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="192"/>
        <source>Use the profile “%1” for this transfer?</source>
        <translation>Utiliser le profil « %1 » pour ce versement ?</translation>
    </message>
</context>
<context>
    <name>RecoveryController</name>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="98"/>
        <source>Restore the work?</source>
        <translation>Restaurer le travail ?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="62"/>
        <source>The automatic recovery copy could not be written: %1</source>
        <translation>La copie de secours automatique n'a pas pu être écrite : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="100"/>
        <source>Verso ended without saving the transfer “%1”. An automatic copy from %2 was kept. Restore it?</source>
        <translation>Verso s'est arrêté sans enregistrer le versement « %1 ». Une copie automatique du %2 a été conservée. La restaurer ?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="95"/>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
</context>
<context>
    <name>RulePickerDialog</name>
    <message>
        <location filename="../../ui/rules_editor.py" line="-714"/>
        <source>Règle de gestion : %1</source>
        <translation>Règle de gestion : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rechercher par code ou intitulé…</source>
        <translation>Rechercher par code ou intitulé…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intitulé</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Durée</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Identifiant de la règle, ex. APP-00001</source>
        <translation>Identifiant de la règle, ex. APP-00001</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun référentiel des règles n'est chargé : saisissez l'identifiant exact donné par le service d'archives. Un identifiant inconnu fera refuser le versement.</source>
        <translation>Aucun référentiel des règles n'est chargé : saisissez l'identifiant exact donné par le service d'archives. Un identifiant inconnu fera refuser le versement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Règle</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Date de fin de l'unité</source>
        <translation>Date de fin de l'unité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (celle de chaque unité)</source>
        <translation> (celle de chaque unité)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (non renseignée)</source>
        <translation> (non renseignée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date choisie</source>
        <translation>Date choisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sans date de départ</source>
        <translation>Sans date de départ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date de départ du calcul :</source>
        <translation>Date de départ du calcul :</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Options de la catégorie</source>
        <translation>Options de la catégorie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— à choisir —</source>
        <translation>— à choisir —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sort final :</source>
        <translation>Sort final :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne pas hériter des règles des niveaux supérieurs</source>
        <translation>Ne pas hériter des règles des niveaux supérieurs</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ne pas hériter de :</source>
        <translation>Ne pas hériter de :</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réévaluation soumise à autorisation</source>
        <translation>Réévaluation soumise à autorisation</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Interdire le réarrangement</source>
        <translation>Interdire le réarrangement</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Niveau de classification :</source>
        <translation>Niveau de classification :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Émetteur de la classification :</source>
        <translation>Émetteur de la classification :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffusion restreinte à :</source>
        <translation>Diffusion restreinte à :</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+47"/>
        <source>Date de réévaluation :</source>
        <translation>Date de réévaluation :</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Fin du gel :</source>
        <translation>Fin du gel :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsable du gel :</source>
        <translation>Responsable du gel :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif du gel :</source>
        <translation>Motif du gel :</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Choisissez une règle.</source>
        <translation>Choisissez une règle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisissez le sort final.</source>
        <translation>Choisissez le sort final.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le niveau et l'émetteur de la classification sont obligatoires.</source>
        <translation>Le niveau et l'émetteur de la classification sont obligatoires.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>La fin du gel précède sa date de départ.</source>
        <translation>La fin du gel précède sa date de départ.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Durée : %1</source>
        <translation>Durée : %1</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <location line="+11"/>
        <source>illimitée</source>
        <translation>illimitée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 an</source>
        <translation>%1 an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ans</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 mois</source>
        <translation>%1 mois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 jour</source>
        <translation>%1 jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 jours</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location line="+719"/>
        <source>État intermédiaire : non précisé</source>
        <translation>État intermédiaire : non précisé</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Aucun référentiel des règles : les intitulés, durées et dates de fin ne peuvent pas être calculés. Importez-le depuis le profil de versement.</source>
        <translation>Aucun référentiel des règles : les intitulés, durées et dates de fin ne peuvent pas être calculés. Importez-le depuis le profil de versement.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>En gris : règles héritées d'un niveau supérieur.</source>
        <translation>En gris : règles héritées d'un niveau supérieur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ajouter une règle</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Modifier…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne pas hériter</source>
        <translation>Ne pas hériter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empêche l'unité d'hériter de la règle sélectionnée (RefNonRuleId).</source>
        <translation>Empêche l'unité d'hériter de la règle sélectionnée (RefNonRuleId).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options de la catégorie…</source>
        <translation>Options de la catégorie…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Sélectionnez une unité pour voir ses règles de gestion.</source>
        <translation>Sélectionnez une unité pour voir ses règles de gestion.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Règles de gestion de « %1 »</source>
        <translation>Règles de gestion de « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 : règles de « %2 » affichées ; les modifications s'appliquent à toutes.</source>
        <translation>%1 : règles de « %2 » affichées ; les modifications s'appliquent à toutes.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cette unité</source>
        <translation>cette unité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niveau du versement</source>
        <translation>niveau du versement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hérité du niveau du versement</source>
        <translation>hérité du niveau du versement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hérité de « %1 »</source>
        <translation>hérité de « %1 »</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remplacer la règle %1 par %2</source>
        <translation>Remplacer la règle %1 par %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modifier la règle %1</source>
        <translation>Modifier la règle %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ajouter la règle %1</source>
        <translation>Ajouter la règle %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options : %1</source>
        <translation>Options : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Retirer la règle %1</source>
        <translation>Retirer la règle %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ne plus hériter de la règle %1</source>
        <translation>Ne plus hériter de la règle %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location line="-781"/>
        <source>Règle</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intitulé</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de départ</source>
        <translation>Date de départ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de fin</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort final</source>
        <translation>Sort final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origine</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>aucune règle</source>
        <translation>aucune règle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>héritage bloqué</source>
        <translation>héritage bloqué</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>n'hérite pas de : %1</source>
        <translation>n'hérite pas de : %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>sans date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pas de date de fin : règle sans date de départ, illimitée ou inconnue du référentiel.</source>
        <translation>Pas de date de fin : règle sans date de départ, illimitée ou inconnue du référentiel.</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message numerus="yes">
        <location filename="../../ui/scan_controller.py" line="+190"/>
        <source>Add %n unit(s) from disk</source>
        <translation>
            <numerusform>Ajouter %n unité depuis le disque</numerusform>
            <numerusform>Ajouter %n unités depuis le disque</numerusform>
        </translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cancel the addition</source>
        <translation>Annuler l'ajout</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>No unit matches the search.</source>
        <translation>Aucune unité ne correspond à la recherche.</translation>
    </message>
    <message>
        <source>Result %1 of %2</source>
        <translation>Résultat %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>No result</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Résultat &amp;précédent</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Résultat &amp;suivant</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/search.py" line="43"/>
        <source>%n matching unit(s).</source>
        <translation>
            <numerusform>%n unité trouvée.</numerusform>
            <numerusform>%n unités trouvées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/search.py" line="28"/>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message numerus="yes">
        <location filename="../../ui/controllers/session.py" line="131"/>
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n autre)</numerusform>
            <numerusform>%1 (+%n autres)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/session.py" line="405"/>
        <source>%n file(s) moved or changed since the work was saved. They are listed in the findings panel: check them before exporting.</source>
        <translation><numerusform>%n fichier déplacé ou modifié depuis l'enregistrement du travail. Il est listé dans l'onglet Signalements : vérifiez-le avant d'exporter.</numerusform><numerusform>%n fichiers déplacés ou modifiés depuis l'enregistrement du travail. Ils sont listés dans l'onglet Signalements : vérifiez-les avant d'exporter.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/session.py" line="434"/>
        <source>%n saved work(s) no longer found were removed from the recent list.</source>
        <translation><numerusform>%n travail enregistré introuvable a été retiré de la liste des travaux récents.</numerusform><numerusform>%n travaux enregistrés introuvables ont été retirés de la liste des travaux récents.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="45"/>
        <source>&amp;New transfer</source>
        <translation>&amp;Nouveau versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="48"/>
        <source>&amp;Save the work</source>
        <translation>&amp;Enregistrer le travail</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="193"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="298"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé : rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="159"/>
        <source>Close Verso</source>
        <translation>Fermer Verso</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="192"/>
        <source>Don't save</source>
        <translation>Ne pas enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="403"/>
        <source>Files moved or changed</source>
        <translation>Fichiers déplacés ou modifiés</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="51"/>
        <source>Keep the description on disk to resume it later (a .verso file)</source>
        <translation>Garder la description sur le disque pour la reprendre plus tard (un fichier .verso)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="78"/>
        <source>New transfer</source>
        <translation>Nouveau versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="447"/>
        <source>No recent work</source>
        <translation>Aucun travail récent</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="335"/>
        <source>Nothing was changed on disk.</source>
        <translation>Rien n'a été modifié sur le disque.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="58"/>
        <source>Open a saved &amp;work…</source>
        <translation>Ouvrir un &amp;travail enregistré…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="347"/>
        <source>Open a saved work</source>
        <translation>Ouvrir un travail enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="59"/>
        <source>Recent &amp;work</source>
        <translation>Travaux &amp;récents</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="456"/>
        <source>Recent work</source>
        <translation>Travaux récents</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="191"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="221"/>
        <source>Save the work</source>
        <translation>Enregistrer le travail</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="54"/>
        <source>Save the work &amp;as…</source>
        <translation>Enregistrer le travail &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="189"/>
        <source>Save them to resume the work later? Your files on disk are never changed.</source>
        <translation>Les enregistrer pour reprendre le travail plus tard ? Vos fichiers sur le disque ne sont jamais modifiés.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="383"/>
        <source>The transfer profile “%1” could not be read again.</source>
        <translation>Le profil de versement « %1 » n'a pas pu être relu.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="181"/>
        <source>The transfer “%1” has changes that are not saved.</source>
        <translation>Le versement « %1 » a des modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="419"/>
        <source>The work cannot be opened</source>
        <translation>Le travail ne peut pas être ouvert</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="334"/>
        <source>The work was not saved</source>
        <translation>Le travail n'a pas été enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="223"/>
        <source>Verso saved work (*.verso)</source>
        <translation>Travail enregistré Verso (*.verso)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="412"/>
        <source>Work opened: %1</source>
        <translation>Travail ouvert : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="323"/>
        <source>Work saved: %1</source>
        <translation>Travail enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="217"/>
        <source>transfer</source>
        <translation>versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="457"/>
        <source>“%1” can no longer be found; it was removed from the list.</source>
        <translation>« %1 » est introuvable ; il a été retiré de la liste.</translation>
    </message>
</context>
<context>
    <name>SetAttachmentCommand</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="+355"/>
        <source>Rattacher à « %1 »</source>
        <translation>Rattacher à « %1 »</translation>
    </message>
</context>
<context>
    <name>Sizes</name>
    <message>
        <location filename="../../ui/formatting.py" line="+8"/>
        <source>B</source>
        <translation>o</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KB</source>
        <translation>Ko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TB</source>
        <translation>To</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <location filename="../../ui/controllers/status.py" line="61"/>
        <source>Identification: %1</source>
        <translation>Identification : %1</translation>
    </message>
</context>
<context>
    <name>StringListEditor</name>
    <message>
        <location filename="../../ui/details.py" line="-296"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected entry</source>
        <translation>Retirer l'entrée sélectionnée</translation>
    </message>
</context>
<context>
    <name>TreePickerDialog</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="-403"/>
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
        <location line="+140"/>
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
        <location filename="../../ui/details.py" line="+68"/>
        <source>New keyword, then Enter</source>
        <translation>Nouveau mot-clé, puis Entrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifier given by the producer</source>
        <translation>Identifiant donné par le producteur</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+97"/>
        <source>Attach to the positioning tree…</source>
        <translation>Rattacher à l'arbre de positionnement…</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>Title too long to edit here (%1 characters).</source>
        <translation>Intitulé trop long pour être modifié ici (%1 caractères).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level</source>
        <translation>&amp;Niveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start date</source>
        <translation>Date de &amp;début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End date</source>
        <translation>Date de &amp;fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords</source>
        <translation>&amp;Mots-clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Originating identifiers</source>
        <translation>Identifiants du &amp;producteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made from</source>
        <translation>Créée depuis</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Attachment</source>
        <translation>Rattachement</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Under “%1”, %2</source>
        <translation>Sous « %1 », %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not attached: the archives service files it where its contract says.</source>
        <translation>Non rattachée : le service d'archives la range où son contrat l'indique.</translation>
    </message>
    <message>
        <source>e.g. 3 W 12</source>
        <translation>ex. 3 W 12</translation>
    </message>
    <message>
        <source>The cote the archives service gives this unit (SEDA ArchivalAgencyArchiveUnitIdentifier), printed on the transfer slip. Several cotes: separate them with « ; ». Edit › Number the cotes… numbers a whole tree.</source>
        <translation>La cote que le service d'archives donne à cette unité (SEDA ArchivalAgencyArchiveUnitIdentifier), imprimée sur le bordereau de versement. Plusieurs cotes : séparez-les par « ; ». Édition › Numéroter les cotes… numérote tout un arbre.</translation>
    </message>
    <message>
        <source>&amp;Cote</source>
        <translation>&amp;Cote</translation>
    </message>
</context>
<context>
    <name>VerificationController</name>
    <message>
        <location filename="../../ui/controllers/verification.py" line="37"/>
        <source>&amp;Verify the transfer</source>
        <translation>&amp;Vérifier le versement</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="85"/>
        <source>Findings</source>
        <translation>Signalements</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="80"/>
        <source>Findings (%1)</source>
        <translation>Signalements (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="40"/>
        <source>List what the archives service would refuse, before exporting</source>
        <translation>Lister ce que le service d'archives refuserait, avant d'exporter</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="89"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="63"/>
        <source>Verification (%1)</source>
        <translation>Vérification (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/verification.py" line="68"/>
        <source>Verification: %n error(s).</source>
        <translation>
            <numerusform>Vérification : %n erreur.</numerusform>
            <numerusform>Vérification : %n erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="70"/>
        <source>Verification: nothing the archives service would refuse.</source>
        <translation>Vérification : rien que le service d'archives refuserait.</translation>
    </message>
</context>
<context>
    <name>VerificationPanel</name>
    <message>
        <location filename="../../ui/findings_panel.py" line="+102"/>
        <location line="+21"/>
        <source>Verify again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verify the transfer</source>
        <translation>Vérifier le versement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not verified yet: “Verify the transfer” lists what the archives service would refuse, before you export.</source>
        <translation>Pas encore vérifié : « Vérifier le versement » liste ce que le service d'archives refuserait, avant l'export.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Checked at %1: %n error(s) the archives service would refuse</source>
        <translation>
            <numerusform>Vérifié à %1 : %n erreur que le service d'archives refuserait</numerusform>
            <numerusform>Vérifié à %1 : %n erreurs que le service d'archives refuserait</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Checked at %1: nothing refused, but %n warning(s) to read</source>
        <translation>
            <numerusform>Vérifié à %1 : rien de refusé, mais %n avertissement à lire</numerusform>
            <numerusform>Vérifié à %1 : rien de refusé, mais %n avertissements à lire</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked at %1: nothing the archives service would refuse.</source>
        <translation>Vérifié à %1 : rien que le service d'archives refuserait.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, and %n warning(s)</source>
        <translation>
            <numerusform>, et %n avertissement</numerusform>
            <numerusform>, et %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(The transfer changed since: verify again.)</source>
        <translation>(Le versement a changé depuis : vérifiez à nouveau.)</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>Table not imported</source>
        <translation>Tableau non importé</translation>
    </message>
</context>
<context>
    <name>MoreDescriptionForm</name>
    <message>
        <source>More description</source>
        <translation>Plus de description</translation>
    </message>
    <message>
        <source>Position in the filing plan</source>
        <translation>Position dans le plan de classement</translation>
    </message>
    <message>
        <source>Writer's name, then Enter</source>
        <translation>Nom du rédacteur, puis Entrée</translation>
    </message>
    <message>
        <source>Addressee's name, then Enter</source>
        <translation>Nom du destinataire, puis Entrée</translation>
    </message>
    <message>
        <source>Recipient's name, then Enter</source>
        <translation>Nom du destinataire pour information, puis Entrée</translation>
    </message>
    <message>
        <source>Sender's name, then Enter</source>
        <translation>Nom de l'expéditeur, puis Entrée</translation>
    </message>
    <message>
        <source>Language code, e.g. fr</source>
        <translation>Code de langue, par ex. fr</translation>
    </message>
    <message>
        <source>e.g. fr</source>
        <translation>par ex. fr</translation>
    </message>
    <message>
        <source>New tag, then Enter</source>
        <translation>Nouvelle étiquette, puis Entrée</translation>
    </message>
    <message>
        <source>Who kept it, when</source>
        <translation>Qui l'a conservé, quand</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Identifier in the archives' system</source>
        <translation>Identifiant dans le système du service d'archives</translation>
    </message>
    <message>
        <source>Identifier in the producer's software</source>
        <translation>Identifiant dans le logiciel du producteur</translation>
    </message>
    <message>
        <source>Filing plan position</source>
        <translation>Position dans le plan de classement</translation>
    </message>
    <message>
        <source>Writers</source>
        <translation>Rédacteurs</translation>
    </message>
    <message>
        <source>Addressees</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires pour information</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Expéditeurs</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Description language</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Custodial history</source>
        <translation>Historique de conservation</translation>
    </message>
    <message>
        <source>Places covered</source>
        <translation>Lieux couverts</translation>
    </message>
    <message>
        <source>Periods covered</source>
        <translation>Périodes couvertes</translation>
    </message>
    <message>
        <source>System identifiers</source>
        <translation>Identifiants système</translation>
    </message>
    <message>
        <source>Producer's system identifiers</source>
        <translation>Identifiants dans le système du producteur</translation>
    </message>
    <message>
        <source>Transaction date</source>
        <translation>Date de la transaction</translation>
    </message>
    <message>
        <source>Acquisition date</source>
        <translation>Date d'acquisition</translation>
    </message>
</context>
<context>
    <name>CsvTableController</name>
    <message>
        <source>Import a spreads&amp;heet…</source>
        <translation>Importer un ta&amp;bleau…</translation>
    </message>
    <message>
        <source>Add the units described in a ReSIP table (metadata or filing plan, CSV)</source>
        <translation>Ajouter les unités décrites dans un tableau ReSIP (métadonnées ou plan de classement, CSV)</translation>
    </message>
    <message>
        <source>Export as a spreadsheet (&amp;CSV)…</source>
        <translation>Exporter en tableau (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Table export cancelled: nothing was written.</source>
        <translation>Export du tableau annulé : rien n'a été écrit.</translation>
    </message>
    <message>
        <source>Write the transfer as a ReSIP metadata table, to complete in a spreadsheet</source>
        <translation>Écrire le versement en tableau de métadonnées ReSIP, à compléter dans un tableur</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importer un tableau</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt)</source>
        <translation>Tableaux (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Import the table “%1”</source>
        <translation>Importer le tableau « %1 »</translation>
    </message>
    <message numerus="yes">
        <source>Table imported: %n unit(s) added.</source>
        <translation>
            <numerusform>Tableau importé : %n unité ajoutée.</numerusform>
            <numerusform>Tableau importé : %n unités ajoutées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table describes no unit: nothing was added.</source>
        <translation>Le tableau ne décrit aucune unité : rien n'a été ajouté.</translation>
    </message>
    <message>
        <source>Table not imported</source>
        <translation>Tableau non importé</translation>
    </message>
    <message>
        <source>The table “%1” could not be imported:</source>
        <translation>Le tableau « %1 » n'a pas pu être importé :</translation>
    </message>
    <message>
        <source>Export as a spreadsheet</source>
        <translation>Exporter en tableau</translation>
    </message>
    <message>
        <source>Tables (*.csv)</source>
        <translation>Tableaux (*.csv)</translation>
    </message>
    <message>
        <source>The table could not be written:</source>
        <translation>Le tableau n'a pas pu être écrit :</translation>
    </message>
    <message numerus="yes">
        <source>Table written: %n row(s).</source>
        <translation>
            <numerusform>Tableau écrit : %n ligne.</numerusform>
            <numerusform>Tableau écrit : %n lignes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read from a SIP have no path on disk: their rows name no file.</source>
        <translation>
            <numerusform>%n fichier lu dans un SIP n'a pas de chemin sur le disque : sa ligne ne nomme aucun fichier.</numerusform>
            <numerusform>%n fichiers lus dans un SIP n'ont pas de chemin sur le disque : leurs lignes ne nomment aucun fichier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileGuideController</name>
    <message>
        <source>Archive profile</source>
        <translation>Profil d'archivage</translation>
    </message>
</context>
<context>
    <name>BordereauController</name>
    <message>
        <source>Transfer &amp;slip…</source>
        <translation>&amp;Bordereau de versement…</translation>
    </message>
    <message>
        <source>The transfer slip to print and sign (PDF or HTML)</source>
        <translation>Le bordereau à imprimer et signer (PDF ou HTML)</translation>
    </message>
    <message>
        <source>%1 already exists (perhaps already signed). Replace it?</source>
        <translation>%1 existe déjà (peut-être déjà signé). Le remplacer ?</translation>
    </message>
    <message>
        <source>Transfer slip</source>
        <translation>Bordereau de versement</translation>
    </message>
    <message>
        <source>Transfer slip cancelled: nothing was written.</source>
        <translation>Bordereau annulé : rien n'a été écrit.</translation>
    </message>
    <message>
        <source>Transfer slip written: %1</source>
        <translation>Bordereau de versement écrit : %1</translation>
    </message>
    <message>
        <source>The transfer slip was written:
%1

Print it and have it signed.</source>
        <translation>Le bordereau de versement est écrit :
%1

Imprimez-le et faites-le signer.</translation>
    </message>
    <message>
        <source>Open the slip</source>
        <translation>Ouvrir le bordereau</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Transfer slip not written</source>
        <translation>Bordereau non écrit</translation>
    </message>
    <message>
        <source>The transfer slip was not written; nothing was left behind.</source>
        <translation>Le bordereau de versement n'a pas été écrit ; aucun fichier partiel n'est resté.</translation>
    </message>
</context>
<context>
    <name>BordereauDialog</name>
    <message>
        <source>Transfer slip</source>
        <translation>Bordereau de versement</translation>
    </message>
    <message>
        <source>The transfer slip (bordereau de versement) lists what is transferred, to print and sign by both services. It states the verification's verdict (the Verification tab's).</source>
        <translation>Le bordereau de versement liste ce qui est versé ; il est imprimé et signé par les deux services. Il indique le résultat de la vérification (celui de l'onglet Vérification).</translation>
    </message>
    <message>
        <source>PDF, to print and sign</source>
        <translation>PDF, à imprimer et signer</translation>
    </message>
    <message>
        <source>HTML, to open in a browser</source>
        <translation>HTML, à ouvrir dans un navigateur</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Add the list of every file (annex)</source>
        <translation>Ajouter la liste de tous les fichiers (annexe)</translation>
    </message>
    <message>
        <source>every level</source>
        <translation>tous les niveaux</translation>
    </message>
    <message>
        <source>0: the top units only; deeper units are summed up on the row of the unit above them</source>
        <translation>0 : les unités de tête seulement ; les unités plus profondes sont résumées sur la ligne de l'unité au-dessus</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Units listed down to level</source>
        <translation>Unités listées jusqu'au niveau</translation>
    </message>
    <message>
        <source>Make the slip</source>
        <translation>Établir le bordereau</translation>
    </message>
    <message>
        <source>The slip's format is chosen by the name's extension: .pdf (to print and sign) or .html (to open in a browser).</source>
        <translation>Le format du bordereau se choisit par l'extension du nom : .pdf (à imprimer et signer) ou .html (à ouvrir dans un navigateur).</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>Save the transfer slip as</source>
        <translation>Enregistrer le bordereau de versement sous</translation>
    </message>
</context>
<context>
    <name>CoteNumberingDialog</name>
    <message>
        <source>Number the cotes</source>
        <translation>Numéroter les cotes</translation>
    </message>
    <message>
        <source>The selected units and their contents</source>
        <translation>Les unités sélectionnées et leur contenu</translation>
    </message>
    <message>
        <source>Only their contents (under their cote)</source>
        <translation>Seulement leur contenu (sous leur cote)</translation>
    </message>
    <message>
        <source>The whole package</source>
        <translation>Tout le versement</translation>
    </message>
    <message>
        <source>Archives service's cote</source>
        <translation>Cote du service d'archives</translation>
    </message>
    <message>
        <source>Producer's cote</source>
        <translation>Cote du service producteur</translation>
    </message>
    <message>
        <source>Archives service: ArchivalAgencyArchiveUnitIdentifier (the usual cote). Producer: OriginatingAgencyArchiveUnitIdentifier.</source>
        <translation>Service d'archives : ArchivalAgencyArchiveUnitIdentifier (la cote habituelle). Service producteur : OriginatingAgencyArchiveUnitIdentifier.</translation>
    </message>
    <message>
        <source>e.g. 3 W</source>
        <translation>ex. 3 W</translation>
    </message>
    <message>
        <source>Put before every number; after a letter or a digit a space is added.</source>
        <translation>Mis devant chaque numéro ; après une lettre ou un chiffre, une espace est ajoutée.</translation>
    </message>
    <message>
        <source>Between the levels: 3 W 1/2</source>
        <translation>Entre les niveaux : 3 W 1/2</translation>
    </message>
    <message>
        <source>Number each level (1, 1/1, 1/2, 2…)</source>
        <translation>Numéroter chaque niveau (1, 1/1, 1/2, 2…)</translation>
    </message>
    <message>
        <source>Unticked: one continuous sequence in the tree's order (1, 2, 3…).</source>
        <translation>Décoché : une seule suite continue dans l'ordre de l'arbre (1, 2, 3…).</translation>
    </message>
    <message>
        <source>3 digits: 001, 002… (zeros in front)</source>
        <translation>3 chiffres : 001, 002… (zéros devant)</translation>
    </message>
    <message>
        <source>Also number the units that are only a file</source>
        <translation>Numéroter aussi les unités qui ne sont qu'un fichier</translation>
    </message>
    <message>
        <source>Unticked, only dossiers and articles get a cote: a file alone is described by the dossier that holds it.</source>
        <translation>Décoché, seuls les dossiers et les articles reçoivent une cote : un fichier seul est décrit par le dossier qui le contient.</translation>
    </message>
    <message>
        <source>Replace the cotes already given</source>
        <translation>Remplacer les cotes déjà données</translation>
    </message>
    <message>
        <source>Unticked, a unit that has a cote keeps it, and its contents are numbered under it.</source>
        <translation>Décoché, une unité qui a une cote la garde, et son contenu est numéroté sous elle.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéroter</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Unités :</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Champ :</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Préfixe :</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>Premier numéro :</translation>
    </message>
    <message>
        <source>Digits at least:</source>
        <translation>Chiffres au moins :</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Aperçu :</translation>
    </message>
    <message>
        <source>(kept)</source>
        <translation>(conservée)</translation>
    </message>
    <message>
        <source>No unit to number.</source>
        <translation>Aucune unité à numéroter.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) will get a cote.</source>
        <translation>
            <numerusform>%n unité recevra une cote.</numerusform>
            <numerusform>%n unités recevront une cote.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) keep theirs.</source>
        <translation>
            <numerusform>%n unité garde la sienne.</numerusform>
            <numerusform>%n unités gardent la leur.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 (no zeros in front)</source>
        <translation>1 (sans zéro devant)</translation>
    </message>
</context>
</TS>