# portico en français. Chaque texte du thème par défaut ; portico remplit `{ $nom }`.

## Nombres, argent, durées

percent = { $n } %
money = { $sign }{ $amount } { $symbol }
money-thousands = { $n } k
money-millions = { $n } M
money-billions = { $n } Md
days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
weeks = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
}
months = { $n ->
    [one] { $n } mois
   *[other] { $n } mois
}
years = { $n ->
    [one] { $n } an
   *[other] { $n } ans
}
years-and-months = { $years } et { $months }
progress-week = Semaine { $at } sur { $of }
progress-month = Mois { $at } sur { $of }
progress-year = Année { $at } sur { $of }

## Navigation et titres

nav-overview = Vue d’ensemble
nav-reports = Rapports
nav-milestones = Jalons
nav-scope = Périmètre
nav-kpis = Indicateurs
nav-changes = Modifications
nav-raid = Risques et décisions
nav-budget = Budget
nav-service-levels = Niveaux de service
nav-print = Dossier imprimable

## Chaque page

skip-to-content = Aller au contenu
report-of = Rapport du
as-of-after-report = situation au
as-of = Situation au
nav-label = Rubriques du portail
draft-preview = Aperçu des brouillons.
draft-preview-text = Ce portail contient { $n ->
    [one] { $n } brouillon (rapport ou compte rendu), pas encore publié
   *[other] { $n } brouillons (rapports ou comptes rendus), pas encore publiés
} : pour relecture uniquement, merci de ne pas le transmettre.
engagement-closed-on = Cette mission s’est terminée le
engagement-closed-text = Plus rien ne change ici.
engagement-paused = Cette mission est suspendue.
engagement-paused-text = Aucun rapport n’est attendu avant sa reprise.
prepared-for = Préparé pour { $client } par { $agency }
confidential = Confidentiel : ce portail est réservé à { $client }. Merci de ne pas transmettre son adresse.

## Éléments communs

contract-value = Montant du contrat
approved-changes = Modifications approuvées ({ $n })
schedule-lower = délai
current-baseline = Référence actuelle
awaiting-decision-count = En attente de décision ({ $n })
hours = Heures
billable = Facturables
timeline-key-baseline = date convenue (référence)
timeline-key-actual = date prévue ou réelle · la ligne entre les deux est le glissement. La ligne pointillée marque la date de situation.
timeline-tbc = { $n ->
    [one] { $n } jalon dont la date reste à confirmer figure ci-dessous, mais pas sur la frise.
   *[other] { $n } jalons dont les dates restent à confirmer figurent ci-dessous, mais pas sur la frise.
}
milestone-table = Tableau des jalons
id = Réf.
milestone = Jalon
agreed-date = Date convenue
forecast-done = Prévision / terminé
slip = Glissement
status = Statut
sign-off = Recette
delivers = Livre
to-be-confirmed = À confirmer
originally = Initialement
to-be-confirmed-lower = à confirmer
moved-it-to = { $change } l’a déplacé au
done-on = Terminé le
published-variance = Écart publié :
updated = Mis à jour le
no-update-since = Pas de mise à jour depuis le
deemed-accepted-on = Réputé accepté le
deemed-accepted-why = (pas de réponse dans le délai convenu)
accept-by = Recette avant le
submitted = Soumis le
round-submitted = Tour { $n } : soumis le
by-person = par { $name }
target = Cible
no-target-tracked = Pas de cible : simple suivi
latest-on = dernière valeur { $value } le
kpi-agreed = Convenu avec vous au départ
kpi-own = Notre propre mesure, non convenue avec vous
updated-lower = mis à jour le
measurements-count = Mesures ({ $n })
measurements-of = Mesures de { $name }
date = Date
value = Valeur
against-target = Par rapport à la cible
no-measurements-yet = Aucune mesure pour l’instant.
where-baseline-stands = Où en est la référence
requested-by-on = demandé par { $name } le
decided = décidé le
cost = Coût
schedule = Délai
on-the-end-date = { $days } sur la date de fin
effort = Charge
new-dates = Nouvelles dates
to-date = au
deliverables = Livrables
table-of = Tableau : { $name }
task-done = Fait :
task-open = À faire :
region-code-block = Bloc de code { $number }
region-table = Tableau { $number }
description = Description
owner = Responsable
severity = Gravité
dates = Dates
raised = Ouvert le
due = Échéance
closed = Clos le
decisions = Décisions
owner-lower = responsable { $name }
needed-by = attendue avant le
status-as-of = Situation au
overdue = En retard
next-milestone = Prochain jalon
kpis-off-target = Indicateurs hors cible
value-against-target = { $value } pour une cible de { $target }
open-high-risks = Risques élevés ouverts
decisions-needed = Décisions attendues
by-date = avant le
was-due = échéance le
days-overdue = { $n ->
    [one] { $n } jour de retard
   *[other] { $n } jours de retard
}
no-date-agreed = pas de date convenue
if-missed = Faute de réponse : { $what }.
details = Détails
details-of = de { $what }
nothing-waiting = Rien ne vous attend : aucune recette, décision ou contribution n’est due de votre côté.

## Vue d’ensemble

overall-status = Statut global
details-of-overall = du statut global
waiting-for-you = En attente de votre part
rated-by-lower = évalué par { $name }
no-status-report-yet = Pas encore de rapport d’avancement.
status-in-recent-reports = Statut des derniers rapports
final-report = Rapport final
latest-report = Dernier rapport
kpi-table = Tableau des indicateurs
measure = Indicateur
trend = Tendance
latest = Dernière valeur
no-target = Pas de cible
kpi-details = Détail des indicateurs
milestones-done = { $done } sur { $total } terminés
milestones-tbc = { $n } à date à confirmer
due-lower = échéance
no-update-since-lower = pas de mise à jour depuis le
next = À venir
all-milestones-done = Tous les jalons sont terminés.
all-milestones = Tous les jalons
next-steering-review = Prochain comité de pilotage
change-requests = Demandes de modification
awaiting-your-decision = En attente de votre décision
change-log = Journal des modifications
percent-used = { $percent } consommés
budget-details = Détail du budget
needs-attention = Points d’attention
owner-colon = Responsable :
decisions-awaited = Décisions attendues
engagement = Mission
start-not-recorded = Début non renseigné
state = État
paused = Suspendue
fees = Honoraires
a-day = { $amount } par jour
stay-up-to-date = Rester informé
subscribe-calendar = S’abonner au calendrier
subscribe-calendar-text = des jalons et des comités : votre agenda ajoute les nouvelles dates dès qu’elles sont convenues.
download-it = Le télécharger
instead = à la place.
calendar-link = Calendrier des jalons et des comités
calendar-text = ajoutez son adresse à votre agenda pour suivre les changements.
feed-link = Flux des rapports d’avancement
feed-text = ajoutez-le à un lecteur de flux pour être informé de chaque nouveau rapport.
data-link = Les données de ce portail
data-text = pour vos propres outils.
whos-who = Qui est qui
print-pack-text = cette situation, chaque rubrique et le dernier rapport en un seul document à imprimer ou enregistrer en PDF.
your-team = Votre équipe
our-team = Notre équipe

## Pages

time-in-all = { $total } au total : { $billable } facturables, { $unbilled } non facturées.
hours-per-week-count = Heures par semaine ({ $n })
budget-lede = Ce que la mission a coûté jusqu’ici, par rapport à ce qui a été convenu, d’après le temps saisi et les factures émises.
time-and-materials = En régie
spent-to-date = Consommé à ce jour
percent-of-cap = { $percent } du plafond
over-the-cap = au-delà du plafond
remaining = Reste
cap = Plafond
cap-raised = { $amount } convenus, relevés par les modifications approuvées
forecast-at-completion = Prévision à terminaison
beyond-the-cap = au-delà du plafond
recent-rate = Au rythme récent de { $amount } par semaine (les quatre dernières semaines)
milestones-done-label = Jalons terminés
spending-ahead = les dépenses devancent l’avancement
changes-raising-cap = Modifications approuvées relevant le plafond
approved-lower = approuvée le
unpriced-rows = { $n ->
    [one] { $n } saisie facturable n’a pas encore de taux et n’est pas comptée.
   *[other] { $n } saisies facturables n’ont pas encore de taux et ne sont pas comptées.
}
burnup-caption = Consommé (trait plein) par rapport à la dépense prévue (tirets, régulière du début à la fin), au plafond (paliers en tirets) et à la prévision (pointillés).
spending-per-week = Dépenses par semaine
week-of = Semaine du
billable-hours = Heures facturables
spent = Consommé
to-date-total = Cumul
planned-to-date = Prévu à date
retainer = Forfait mensuel
retainer-terms = { $hours } par mois pour { $fee } ; jusqu’à { $rollover } non utilisées sont reportées sur le mois suivant
retainer-overage = les heures supplémentaires coûtent { $rate } chacune
hours-used = { $used } sur { $available } heures utilisées
recent-months = Derniers mois
hours-of-short = { $used } sur { $available } h
hours-over-short = +{ $n } h de dépassement
retainer-months = Mois du forfait
hours-per-month = Heures par mois
month = Mois
included = Incluses
carried-in = Report entrant
used = Utilisées
over = Dépassement
carried-out = Report sortant
billed = Facturé
time-recorded = Temps saisi
hours-per-week = Heures par semaine
invoices = Factures
invoiced-paid-outstanding = Facturé { $billed }, payé { $paid }, restant dû { $outstanding }.
invoices-exceed-cap = Les factures dépassent le plafond de { $amount }.
invoice-was-due = La facture { $number } ({ $amount }) était due le
and-is-days-overdue = { $n ->
    [one] et a { $n } jour de retard.
   *[other] et a { $n } jours de retard.
}
invoice-table = Tableau des factures
number = Numéro
period = Période
issued = Émise le
amount = Montant
hours-per-task = Heures par tâche
task = Tâche
hours-per-role = Heures par rôle
role = Rôle
hours-per-person = Heures par personne
person = Personne
sla-lede = Les niveaux de service convenus, le résultat de chaque période par rapport à sa cible et, pour chaque manquement, sa cause et ce qui a été fait.
last-period = dernière période
results-of = Résultats de { $name }
achieved = Atteint
breaches = Manquements
met = Atteinte
missed = Manquée
breaches-in = Manquements en { $period }
cause = Cause :
cause-unknown = pas encore établie
remedy = Remède :
remedy-unknown = pas encore convenu
no-results-yet = Pas encore de résultats.
pack-lede-1 = Où en est la mission au
pack-lede-2 = avec ses jalons, indicateurs, modifications, risques et décisions et le dernier rapport, en un seul document. Imprimez-le ou enregistrez-le en PDF avec la commande Imprimer de votre navigateur.
pack-prepared = Préparé pour { $client } par { $agency }. Confidentiel : réservé à { $client } ; merci de ne pas le transmettre.
where-things-stand = Où en sommes-nous
overall-status-colon = Statut global :
no-status-report-yet-lower = pas encore de rapport d’avancement
raid-title = Risques, problèmes et décisions
raid-risks = Risques
raid-assumptions = Hypothèses
raid-issues = Problèmes
raid-dependencies = Dépendances
draft = Brouillon
draft-text = pas encore publié ; son contenu peut encore changer.
status-report = Rapport d’avancement
overall = Global
rated-by = Évalué par { $name }
other-reports = Autres rapports
previous-report = Rapport précédent
next-report = Rapport suivant
status-reports = Rapports d’avancement
deliverables-table = Tableau des livrables
deliverable = Livrable
accepted-when = Accepté quand
not-included = Non inclus
assumptions = Hypothèses
what-we-need = Ce dont nous avons besoin de votre part
background = Contexte
kpis-lede = Les mesures du succès, avec chaque mesure relevée jusqu’ici. Chacune indique si elle a été convenue avec vous ou s’il s’agit de notre propre mesure.
changes-lede = Chaque demande de modification de ce qui a été convenu : qui l’a demandée, ce qu’elle coûte en temps et en argent, et si elle a été acceptée.

## La page de verrouillage d’un portail protégé

private-portal = Portail client privé
lock-lede = { $agency } partage ici l’avancement des projets avec ses clients : rapports, jalons et décisions. Ce portail est chiffré et seules les personnes ayant reçu son mot de passe peuvent l’ouvrir.
lock-noscript = JavaScript est désactivé dans votre navigateur. Le portail est déchiffré dans votre navigateur et a donc besoin de JavaScript : activez-le pour ce site, puis rechargez la page.
password = Mot de passe
remember-device = Se souvenir sur cet appareil
open-portal = Ouvrir le portail
no-password = Pas de mot de passe ?
ask-contact = Demandez à votre contact chez { $agency }
or-write-to = ou écrivez à
password-local = Votre mot de passe est vérifié dans ce navigateur : rien de ce que vous saisissez ici n’est envoyé nulle part.
unlock-opening = Ouverture…
unlock-wrong-password = Ce mot de passe n’a pas ouvert le portail. Vérifiez-le et réessayez.
unlock-bad-link = Ce lien est incomplet ou endommagé. Saisissez plutôt votre mot de passe.
unlock-misplaced = Cette page n’a pas pu être ouverte : ce qui est stocké à cette adresse n’a pas sa place ici. Il a peut-être été déplacé ou modifié ; merci de prévenir { $agency }.
unlock-no-crypto = Ce navigateur ne peut pas déchiffrer le portail depuis cet emplacement. Ouvrez-le en https ou dans un autre navigateur.
unlock-attachment-failed = La pièce jointe n’a pas pu être téléchargée. Rechargez la page et réessayez.
log-out = Se déconnecter

## Mots calculés par les vues

no-forecast = Pas de prévision
on-plan = Conforme au plan
later-than-agreed = { $span } plus tard que convenu
against-original = { $span } par rapport à la date initiale
span-overdue = { $span } de retard
tolerance-band = Plage de tolérance de { $low } à { $high }
near-target-down = Proche de la cible jusqu’à { $value }
near-target-up = Proche de la cible jusqu’à { $value }
higher-is-better = Plus c’est haut, mieux c’est
lower-is-better = Plus c’est bas, mieux c’est
no-measurement-yet = Pas encore de mesure
near = Proche
not-met = Non atteinte
on-target = Dans la cible
near-target = Proche de la cible
off-target = Hors cible
days-of-effort = { $n ->
    [one] { $n } jour de charge
   *[other] { $n } jours de charge
}
days-unit = jours
owed-deemed = { $id } sera réputé accepté le { $date } sans votre réponse
owed-signoff-late = { $id } reste ouvert et la suite des travaux attend
owed-decision-late = les travaux qui en dépendent attendent
owed-change-late = les travaux continuent comme convenu, sans cette modification
owed-change-late-milestones = { $n ->
    [one] { $ids } reste planifié sans cette modification
   *[other] { $ids } restent planifiés sans cette modification
}
owed-dependency-late = les travaux qui en dépendent glissent
owed-risk-late = le risque reste sans la réponse convenue
owed-issue-late = le problème reste ouvert et son effet s’aggrave
owed-assumption-late = le plan repose sur une hypothèse que personne n’a confirmée
withheld-because = Non communiqué : { $reason }
past-planned-end = { $span } après la fin prévue
starts-in = Débute dans { $span }
scope-of-work = Périmètre des travaux
budget-card-spent = { $spent } consommés sur { $cap } ({ $percent }), reste { $remaining }.
budget-card-forecast = Prévision à terminaison : { $amount }.
budget-card-over = Les dépenses dépassent le plafond.
budget-card-would-pass = Au rythme récent, les dépenses dépasseraient le plafond.
budget-card-retainer = { $month } : { $used } sur { $available } heures utilisées ({ $included } incluses, { $carried } reportées).
budget-card-retainer-over = { $hours } heures au-delà du forfait ce mois-ci.
budget-card-time = { $total } saisies, { $billable } facturables.
budget-card-invoiced = Facturé { $billed }, payé { $paid }.
hours-count = { $n ->
    [one] { $n } heure
   *[other] { $n } heures
}
budget-card-invoice-overdue = La facture { $number } ({ $amount }) était due le { $date } et est en retard.
sla-card-met = { $period } : { $met } { $n ->
    [one] niveau de service atteint sur { $n }
   *[other] niveaux de service atteints sur { $n }
}.
sla-card-missed = Manqué : { $name }, { $achieved } pour une cible de { $target }.

## Graphiques

quarter = T{ $quarter } { $year }
spark-from-to = { $name } : de { $first } à { $last }
spark-with-target = { $text }, cible { $target }
spark-no-measurements = { $name } : pas encore de mesures
chart-over-time-target = { $name } dans le temps, pour une cible de { $target }
chart-over-time = { $name } dans le temps
burnup-title = Budget consommé dans le temps : { $spent } sur un plafond de { $cap }
burnup-title-forecast = { $text }, prévision { $amount } à terminaison
timeline-baseline = référence
timeline-done = terminé
timeline-overdue = prévision, en retard
timeline-forecast = prévision
timeline-point = { $id } : { $what } { $date }
timeline-late-no-forecast = en retard, pas de prévision
colon = {"\u202F: "}
list-separator = {"\u202F; "}
timeline-title = Frise des jalons : dates de référence et prévues, au { $date }

## Flux et calendrier

feed-title = { $client } : rapports d’avancement
calendar-title = { $client } : jalons
calendar-status-overdue = { $status }, en retard
calendar-agreed = Date convenue : { $date }.
calendar-originally = Initialement le { $date } (déplacé par des modifications approuvées).
calendar-done-on = Terminé le { $date }.
calendar-forecast = Prévision : { $date } ({ $days } par rapport au plan).
steering-review = Comité de pilotage
calendar-review = Comité de pilotage de { $client }, tous les { $n } jours.
calendar-on-plan = Conforme au plan.
calendar-no-forecast = Pas de prévision.

## Mots du modèle

label-on-track = Sur la bonne voie
label-at-risk = À risque
label-off-track = En difficulté
label-not-assessed = Non évalué
label-withheld = Non communiqué
label-planned = Planifié
label-in-progress = En cours
label-blocked = Bloqué
label-done = Terminé
label-accepted = Accepté
label-rejected = Refusé
label-awaiting-decision = En attente de décision
label-proposed = Proposée
label-approved = Approuvée
label-withdrawn = Retirée
label-open = Ouvert
label-escalated = Escaladé
label-closed = Clos
label-low = Faible
label-medium = Moyenne
label-high = Élevée
label-critical = Critique
label-decided = Décidé
label-draft = Brouillon
label-sent = Envoyée
label-awaiting-payment = En attente de paiement
label-paid = Payée
label-fixed-price = Forfait
label-time-and-materials-day-rate = En régie (taux journalier)
label-monthly-fee = Honoraires mensuels
label-retainer = Forfait mensuel
label-no-fee = Sans honoraires
label-other-arrangement = Autre arrangement
label-sign-off = Recette
label-decision = Décision
label-change-request = Demande de modification
label-dependency = Dépendance
label-risk = Risque
label-issue = Problème
label-assumption = Hypothèse

## Modèles de portico new report et portico init

report-title = Rapport d’avancement, { $date }
report-progress = Avancement
report-next-steps = Prochaines étapes
report-asks-of = Demandes à { $client }
report-was-due = était prévu le { $date } ({ $overdue }) ; dites ce qui se passe maintenant
report-needed-by = attendue d’ici le { $date }
report-requested-by = demandée le { $date } par { $name }
scope-why = Pourquoi ce travail
report-due-before-next = Jalons attendus avant le prochain rapport ({ $date })
report-needing-attention = Risques et problèmes à surveiller
report-awaiting-you = Décisions et demandes de modification qui vous attendent
report-checklist-from = Liste de contrôle du rapport du { $date }
report-checklist = Liste de contrôle

## Meetings
nav-meetings = Réunions
meetings-calendar-intro = Ajouter ces réunions à votre agenda
meetings-calendar-intro-text = , à leurs horaires.
coming-up = À venir
no-meeting-scheduled = Aucune réunion n’est encore prévue.
past-meetings = Réunions passées
meeting-with = Avec
meeting-agenda = Ordre du jour
meeting-minutes = Compte rendu
meeting-draft = Brouillon
no-minutes-yet = Aucun compte rendu publié pour l’instant.
decisions-taken = Décisions prises
meeting-actions = Actions
no-owner-named = Aucun responsable désigné
action-done = fait le
review-planned = Prévu { $every } ; pas encore planifié.
every-weeks = { $n ->
    [one] chaque semaine
   *[other] toutes les { $n } semaines
}
every-days = { $n ->
    [one] chaque jour
   *[other] tous les { $n } jours
}
label-steering-review = Comité de pilotage
label-check-in = Point d’étape
label-workshop = Atelier
label-meeting = Réunion
label-action-from = Action issue de la réunion
calendar-link-milestones = Calendrier des jalons
subscribe-calendar-text-milestones = des jalons : votre agenda ajoute les nouvelles dates dès qu’elles sont convenues.
subscribe-meetings = S’abonner au calendrier des réunions
subscribe-meetings-text = , à leurs horaires dans votre agenda.
meetings-calendar-link = Calendrier des réunions
meetings-calendar-text = , à leurs horaires : ajoutez son adresse à votre agenda pour suivre les changements.
