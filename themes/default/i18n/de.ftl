# portico auf Deutsch. Jeder Text des Standard-Themes; `{ $name }` füllt portico ein.

## Zahlen, Geld, Zeitspannen

percent = { $n } %
money = { $sign }{ $amount } { $symbol }
money-thousands = { $n } Tsd.
money-millions = { $n } Mio.
money-billions = { $n } Mrd.
days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
weeks = { $n ->
    [one] { $n } Woche
   *[other] { $n } Wochen
}
months = { $n ->
    [one] { $n } Monat
   *[other] { $n } Monate
}
years = { $n ->
    [one] { $n } Jahr
   *[other] { $n } Jahre
}
years-and-months = { $years } { $months }
progress-week = Woche { $at } von { $of }
progress-month = Monat { $at } von { $of }
progress-year = Jahr { $at } von { $of }

## Navigation und Seitentitel

nav-overview = Übersicht
nav-reports = Berichte
nav-milestones = Meilensteine
nav-scope = Leistungsumfang
nav-kpis = Kennzahlen
nav-changes = Änderungen
nav-raid = Risiken & Entscheidungen
nav-budget = Budget
nav-service-levels = Service-Level
nav-print = Druckfassung

## Jede Seite

skip-to-content = Zum Inhalt springen
report-of = Bericht vom
as-of-after-report = Stand
as-of = Stand
nav-label = Bereiche des Portals
draft-preview = Entwurfsvorschau.
draft-preview-text = Dieses Portal enthält { $n ->
    [one] { $n } Entwurf (Bericht oder Protokoll), der noch nicht veröffentlicht ist
   *[other] { $n } Entwürfe (Berichte oder Protokolle), die noch nicht veröffentlicht sind
}: nur zur Durchsicht, bitte nicht weiterleiten.
engagement-closed-on = Dieses Mandat wurde abgeschlossen am
engagement-closed-text = Hier ändert sich nichts mehr.
engagement-paused = Dieses Mandat ruht.
engagement-paused-text = Bis zur Wiederaufnahme sind keine Statusberichte fällig.
prepared-for = Erstellt für { $client } von { $agency }
confidential = Vertraulich: Dieses Portal ist nur für { $client } bestimmt. Bitte geben Sie die Adresse nicht weiter.

## Bausteine der Seiten

contract-value = Auftragswert
approved-changes = Genehmigte Änderungen ({ $n })
schedule-lower = Termin
current-baseline = Aktuelle Basis
awaiting-decision-count = Entscheidung ausstehend ({ $n })
hours = Stunden
billable = Abrechenbar
timeline-key-baseline = vereinbarter Termin (Basis)
timeline-key-actual = Prognose oder tatsächlicher Termin · die Linie dazwischen ist der Verzug. Die gestrichelte Linie markiert den Stichtag.
timeline-tbc = { $n ->
    [one] { $n } Meilenstein mit noch offenem Termin steht unten in der Liste, aber nicht auf der Zeitachse.
   *[other] { $n } Meilensteine mit noch offenen Terminen stehen unten in der Liste, aber nicht auf der Zeitachse.
}
milestone-table = Tabelle der Meilensteine
id = Nr.
milestone = Meilenstein
agreed-date = Vereinbarter Termin
forecast-done = Prognose / erledigt
slip = Verzug
status = Status
sign-off = Abnahme
delivers = Liefert
to-be-confirmed = Noch offen
originally = Ursprünglich
to-be-confirmed-lower = noch offen
moved-it-to = { $change } verschob ihn auf
done-on = Erledigt
published-variance = Veröffentlichte Abweichung:
updated = Aktualisiert
no-update-since = Keine Aktualisierung seit
deemed-accepted-on = Als abgenommen geltend seit
deemed-accepted-why = (keine Antwort innerhalb der vereinbarten Frist)
accept-by = Abnahme bis
submitted = Eingereicht
round-submitted = Runde { $n }: eingereicht
by-person = von { $name }
target = Ziel
no-target-tracked = Kein Ziel: nur beobachtet
latest-on = zuletzt { $value } am
kpi-agreed = Zu Beginn mit Ihnen vereinbart
kpi-own = Unsere eigene Kennzahl, nicht mit Ihnen vereinbart
updated-lower = aktualisiert
measurements-count = Messwerte ({ $n })
measurements-of = Messwerte von { $name }
date = Datum
value = Wert
against-target = Gegenüber Ziel
no-measurements-yet = Noch keine Messwerte.
where-baseline-stands = Wo die Basis steht
requested-by-on = beantragt von { $name } am
decided = entschieden
cost = Kosten
schedule = Termin
on-the-end-date = { $days } beim Endtermin
effort = Aufwand
new-dates = Neue Termine
to-date = bis
deliverables = Liefergegenstände
table-of = Tabelle: { $name }
task-done = Erledigt:
task-open = Offen:
region-code-block = Codeblock { $number }
region-table = Tabelle { $number }
description = Beschreibung
owner = Verantwortlich
severity = Schwere
dates = Termine
raised = Erfasst
due = Fällig
closed = Geschlossen
decisions = Entscheidungen
owner-lower = verantwortlich: { $name }
needed-by = benötigt bis
status-as-of = Stand vom
overdue = Überfällig
next-milestone = Nächster Meilenstein
kpis-off-target = Kennzahlen unter Ziel
value-against-target = { $value } gegenüber { $target }
open-high-risks = Offene hohe Risiken
decisions-needed = Ausstehende Entscheidungen
by-date = bis
was-due = war fällig am
days-overdue = { $n ->
    [one] { $n } Tag überfällig
   *[other] { $n } Tage überfällig
}
no-date-agreed = kein Termin vereinbart
if-missed = Wenn versäumt: { $what }.
details = Details
details-of = zu { $what }
nothing-waiting = Nichts wartet auf Sie: Von Ihrer Seite ist keine Abnahme, Entscheidung oder Zuarbeit fällig.

## Übersicht

overall-status = Gesamtstatus
details-of-overall = zum Gesamtstatus
waiting-for-you = Wartet auf Sie
rated-by-lower = bewertet von { $name }
no-status-report-yet = Noch kein Statusbericht.
status-in-recent-reports = Status der letzten Berichte
final-report = Abschlussbericht
latest-report = Neuester Bericht
kpi-table = Tabelle der Kennzahlen
measure = Kennzahl
trend = Verlauf
latest = Zuletzt
no-target = Kein Ziel
kpi-details = Kennzahlen im Detail
milestones-done = { $done } von { $total } erledigt
milestones-tbc = { $n } mit noch offenem Termin
due-lower = fällig
no-update-since-lower = keine Aktualisierung seit
next = Als Nächstes
all-milestones-done = Alle Meilensteine sind erledigt.
all-milestones = Alle Meilensteine
next-steering-review = Nächster Lenkungsausschuss
change-requests = Änderungsanträge
awaiting-your-decision = Warten auf Ihre Entscheidung
change-log = Änderungsprotokoll
percent-used = { $percent } verbraucht
budget-details = Budget im Detail
needs-attention = Braucht Aufmerksamkeit
owner-colon = Verantwortlich:
decisions-awaited = Ausstehende Entscheidungen
engagement = Mandat
start-not-recorded = Beginn nicht erfasst
state = Zustand
paused = Ruht
fees = Honorar
a-day = { $amount } pro Tag
stay-up-to-date = Auf dem Laufenden bleiben
subscribe-calendar = Kalender abonnieren
subscribe-calendar-text = mit Meilensteinen und Lenkungsausschüssen: Ihre Kalender-App übernimmt neue Termine, sobald sie vereinbart sind.
download-it = Herunterladen
instead = statt abonnieren.
calendar-link = Kalender der Meilensteine und Lenkungsausschüsse
calendar-text = fügen Sie seine Adresse Ihrer Kalender-App hinzu, um Änderungen zu folgen.
feed-link = Feed der Statusberichte
feed-text = in einem Feedreader erfahren Sie von jedem neuen Bericht.
data-link = Die Daten dieses Portals
data-text = für Ihre eigenen Werkzeuge.
whos-who = Wer ist wer
print-pack-text = dieser Stand, jeder Bereich und der neueste Bericht als ein Dokument zum Drucken oder Speichern als PDF.
your-team = Ihr Team
our-team = Unser Team

## Seiten

time-in-all = { $total } insgesamt: { $billable } abrechenbar, { $unbilled } nicht berechnet.
hours-per-week-count = Stunden pro Woche ({ $n })
budget-lede = Was das Mandat bisher gekostet hat, gemessen am Vereinbarten, aus der erfassten Zeit und den gestellten Rechnungen.
time-and-materials = Nach Aufwand
spent-to-date = Bisher verbraucht
percent-of-cap = { $percent } der Obergrenze
over-the-cap = über der Obergrenze
remaining = Verbleibend
cap = Obergrenze
cap-raised = { $amount } vereinbart, erhöht durch genehmigte Änderungen
forecast-at-completion = Prognose bei Abschluss
beyond-the-cap = über der Obergrenze
recent-rate = Beim jüngsten Tempo von { $amount } pro Woche (die letzten vier Wochen)
milestones-done-label = Erledigte Meilensteine
spending-ahead = die Ausgaben laufen dem Fortschritt voraus
changes-raising-cap = Genehmigte Änderungen, die die Obergrenze erhöhen
approved-lower = genehmigt
unpriced-rows = { $n ->
    [one] { $n } abrechenbarer Eintrag hat noch keinen Satz und wird nicht gezählt.
   *[other] { $n } abrechenbare Einträge haben noch keinen Satz und werden nicht gezählt.
}
burnup-caption = Verbraucht (durchgezogene Linie) gegenüber dem geplanten Verbrauch (gestrichelt, gleichmäßig von Beginn bis Ende), der Obergrenze (gestrichelte Stufen) und der Prognose (gepunktet).
spending-per-week = Ausgaben pro Woche
week-of = Woche vom
billable-hours = Abrechenbare Stunden
spent = Verbraucht
to-date-total = Bis heute
planned-to-date = Geplant bis heute
retainer = Pauschalvertrag
retainer-terms = { $hours } im Monat für { $fee }; bis zu { $rollover } ungenutzt gehen in den nächsten Monat über
retainer-overage = zusätzliche Stunden kosten je { $rate }
hours-used = { $used } von { $available } Stunden verbraucht
recent-months = Letzte Monate
hours-of-short = { $used } von { $available } Std.
hours-over-short = +{ $n } Std. darüber
retainer-months = Monate des Pauschalvertrags
hours-per-month = Stunden pro Monat
month = Monat
included = Enthalten
carried-in = Übertrag hinein
used = Verbraucht
over = Darüber
carried-out = Übertrag hinaus
billed = Berechnet
time-recorded = Erfasste Zeit
hours-per-week = Stunden pro Woche
invoices = Rechnungen
invoiced-paid-outstanding = Berechnet { $billed }, bezahlt { $paid }, offen { $outstanding }.
invoices-exceed-cap = Die Rechnungen übersteigen die Obergrenze von { $amount }.
invoice-was-due = Rechnung { $number } ({ $amount }) war fällig am
and-is-days-overdue = { $n ->
    [one] und ist { $n } Tag überfällig.
   *[other] und ist { $n } Tage überfällig.
}
invoice-table = Tabelle der Rechnungen
number = Nummer
period = Zeitraum
issued = Ausgestellt
amount = Betrag
hours-per-task = Stunden pro Aufgabe
task = Aufgabe
hours-per-role = Stunden pro Rolle
role = Rolle
hours-per-person = Stunden pro Person
person = Person
sla-lede = Die vereinbarten Service-Level, das Ergebnis jedes Zeitraums gegenüber seinem Ziel und zu jedem Verstoß, was ihn verursacht hat und was getan wurde.
last-period = letzter Zeitraum
results-of = Ergebnisse von { $name }
achieved = Erreicht
breaches = Verstöße
met = Erfüllt
missed = Verfehlt
breaches-in = Verstöße im Zeitraum { $period }
cause = Ursache:
cause-unknown = noch nicht geklärt
remedy = Abhilfe:
remedy-unknown = noch nicht vereinbart
no-results-yet = Noch keine Ergebnisse.
pack-lede-1 = Wo das Mandat steht, Stand
pack-lede-2 = mit Meilensteinen, Kennzahlen, Änderungen, Risiken und Entscheidungen und dem neuesten Bericht als ein Dokument. Drucken Sie es oder speichern Sie es mit dem Druckbefehl Ihres Browsers als PDF.
pack-prepared = Erstellt für { $client } von { $agency }. Vertraulich: nur für { $client }; bitte nicht weiterleiten.
where-things-stand = Wo wir stehen
overall-status-colon = Gesamtstatus:
no-status-report-yet-lower = noch kein Statusbericht
raid-title = Risiken, Probleme und Entscheidungen
raid-risks = Risiken
raid-assumptions = Annahmen
raid-issues = Probleme
raid-dependencies = Abhängigkeiten
draft = Entwurf
draft-text = noch nicht veröffentlicht; der Inhalt kann sich noch ändern.
status-report = Statusbericht
overall = Gesamt
rated-by = Bewertet von { $name }
other-reports = Weitere Berichte
previous-report = Vorheriger Bericht
next-report = Nächster Bericht
status-reports = Statusberichte
deliverables-table = Tabelle der Liefergegenstände
deliverable = Liefergegenstand
accepted-when = Abgenommen, wenn
not-included = Nicht enthalten
assumptions = Annahmen
what-we-need = Was wir von Ihnen brauchen
background = Hintergrund
kpis-lede = Die Erfolgskennzahlen mit jedem bisher erhobenen Messwert. Bei jeder steht, ob sie mit Ihnen vereinbart wurde oder unsere eigene ist.
changes-lede = Jeder Antrag, das Vereinbarte zu ändern: wer ihn gestellt hat, was er an Zeit und Geld kostet und ob er genehmigt wurde.

## Die Sperrseite eines geschützten Portals

private-portal = Privates Kundenportal
lock-lede = { $agency } teilt hier den Projektstand mit seinen Kunden: Berichte, Meilensteine und Entscheidungen. Dieses Portal ist verschlüsselt, und nur wer das Passwort erhalten hat, kann es öffnen.
lock-noscript = In Ihrem Browser ist JavaScript ausgeschaltet. Das Portal wird in Ihrem Browser entschlüsselt und braucht dafür JavaScript: Schalten Sie es für diese Website ein und laden Sie die Seite neu.
password = Passwort
remember-device = Auf diesem Gerät merken
open-portal = Portal öffnen
no-password = Kein Passwort?
ask-contact = Fragen Sie Ihren Ansprechpartner bei { $agency }
or-write-to = oder schreiben Sie an
password-local = Ihr Passwort wird in diesem Browser geprüft: Nichts, was Sie hier eingeben, wird irgendwohin gesendet.
unlock-opening = Wird geöffnet…
unlock-wrong-password = Dieses Passwort hat das Portal nicht geöffnet. Prüfen Sie es und versuchen Sie es erneut.
unlock-bad-link = Dieser Link ist unvollständig oder beschädigt. Geben Sie stattdessen Ihr Passwort ein.
unlock-misplaced = Diese Seite konnte nicht geöffnet werden: Was unter dieser Adresse liegt, gehört nicht hierher. Es wurde vielleicht verschoben oder verändert; bitte informieren Sie { $agency }.
unlock-no-crypto = Dieser Browser kann das Portal von hier aus nicht entschlüsseln. Öffnen Sie es über https oder in einem anderen Browser.
unlock-attachment-failed = Der Anhang konnte nicht heruntergeladen werden. Laden Sie die Seite neu und versuchen Sie es erneut.
log-out = Abmelden

## Wörter, die die Ansichten berechnen

no-forecast = Keine Prognose angegeben
on-plan = Im Plan
later-than-agreed = { $span } später als vereinbart
against-original = { $span } gegenüber dem ursprünglichen Termin
span-overdue = { $span } überfällig
tolerance-band = Toleranzband { $low } bis { $high }
near-target-down = Nahe am Ziel bis hinunter zu { $value }
near-target-up = Nahe am Ziel bis hinauf zu { $value }
higher-is-better = Höher ist besser
lower-is-better = Niedriger ist besser
no-measurement-yet = Noch kein Messwert
near = Nahe
not-met = Nicht erfüllt
on-target = Im Ziel
near-target = Nahe am Ziel
off-target = Unter Ziel
days-of-effort = { $n ->
    [one] { $n } Tag Aufwand
   *[other] { $n } Tage Aufwand
}
days-unit = Tage
owed-deemed = { $id } gilt am { $date } ohne Ihre Antwort als abgenommen
owed-signoff-late = { $id } bleibt offen und die Arbeit danach wartet
owed-decision-late = die davon abhängige Arbeit wartet
owed-change-late = die Arbeit geht wie vereinbart weiter, ohne diese Änderung
owed-change-late-milestones = { $n ->
    [one] { $ids } bleibt ohne diese Änderung geplant
   *[other] { $ids } bleiben ohne diese Änderung geplant
}
owed-dependency-late = die darauf wartende Arbeit verzögert sich
owed-risk-late = das Risiko bleibt ohne die vereinbarte Maßnahme
owed-issue-late = das Problem bleibt offen und seine Wirkung wächst
owed-assumption-late = der Plan ruht auf einer Annahme, die niemand bestätigt hat
withheld-because = Zurückgehalten: { $reason }
past-planned-end = { $span } nach dem geplanten Ende
starts-in = Beginnt in { $span }
scope-of-work = Leistungsumfang
budget-card-spent = { $spent } von { $cap } verbraucht ({ $percent }), { $remaining } verbleibend.
budget-card-forecast = Prognose bei Abschluss: { $amount }.
budget-card-over = Die Ausgaben liegen über der Obergrenze.
budget-card-would-pass = Beim jüngsten Tempo würden die Ausgaben die Obergrenze überschreiten.
budget-card-retainer = { $month }: { $used } von { $available } Stunden verbraucht ({ $included } enthalten, { $carried } übertragen).
budget-card-retainer-over = { $hours } Stunden über dem Pauschalvertrag in diesem Monat.
budget-card-time = { $total } erfasst, { $billable } abrechenbar.
budget-card-invoiced = Berechnet { $billed }, bezahlt { $paid }.
hours-count = { $n ->
    [one] { $n } Stunde
   *[other] { $n } Stunden
}
budget-card-invoice-overdue = Rechnung { $number } ({ $amount }) war am { $date } fällig und ist überfällig.
sla-card-met = { $period }: { $met } von { $n ->
    [one] { $n } Service-Level
   *[other] { $n } Service-Level
} erfüllt.
sla-card-missed = Verfehlt: { $name }, { $achieved } gegenüber einem Ziel von { $target }.

## Diagramme

quarter = Q{ $quarter } { $year }
spark-from-to = { $name }: von { $first } auf { $last }
spark-with-target = { $text }, Ziel { $target }
spark-no-measurements = { $name }: noch keine Messwerte
chart-over-time-target = { $name } im Zeitverlauf gegenüber einem Ziel von { $target }
chart-over-time = { $name } im Zeitverlauf
burnup-title = Budgetverbrauch im Zeitverlauf: { $spent } von einer Obergrenze von { $cap }
burnup-title-forecast = { $text }, Prognose { $amount } bei Abschluss
timeline-baseline = Basis
timeline-done = erledigt
timeline-overdue = Prognose, überfällig
timeline-forecast = Prognose
timeline-point = { $id }: { $what } { $date }
timeline-late-no-forecast = verspätet, keine Prognose
colon = {": "}
list-separator = {"; "}
timeline-title = Zeitachse der Meilensteine: Basis- und Prognosetermine, Stand { $date }

## Feed und Kalender

feed-title = { $client }: Statusberichte
calendar-title = { $client }: Meilensteine
calendar-status-overdue = { $status }, überfällig
calendar-agreed = Vereinbarter Termin: { $date }.
calendar-originally = Ursprünglich { $date } (durch genehmigte Änderungen verschoben).
calendar-done-on = Erledigt am { $date }.
calendar-forecast = Prognose: { $date } ({ $days } gegenüber dem Plan).
steering-review = Lenkungsausschuss
calendar-review = Lenkungsausschuss von { $client }, alle { $n } Tage.
calendar-on-plan = Im Plan.
calendar-no-forecast = Keine Prognose angegeben.

## Wörter des Modells

label-on-track = Im Plan
label-at-risk = Gefährdet
label-off-track = Kritisch
label-not-assessed = Nicht bewertet
label-withheld = Zurückgehalten
label-planned = Geplant
label-in-progress = In Arbeit
label-blocked = Blockiert
label-done = Erledigt
label-accepted = Abgenommen
label-rejected = Abgelehnt
label-awaiting-decision = Entscheidung ausstehend
label-proposed = Beantragt
label-approved = Genehmigt
label-withdrawn = Zurückgezogen
label-open = Offen
label-escalated = Eskaliert
label-closed = Geschlossen
label-low = Niedrig
label-medium = Mittel
label-high = Hoch
label-critical = Kritisch
label-decided = Entschieden
label-draft = Entwurf
label-sent = Versendet
label-awaiting-payment = Zahlung ausstehend
label-paid = Bezahlt
label-fixed-price = Festpreis
label-time-and-materials-day-rate = Nach Aufwand (Tagessatz)
label-monthly-fee = Monatspauschale
label-retainer = Pauschalvertrag
label-no-fee = Kein Honorar
label-other-arrangement = Andere Vereinbarung
label-sign-off = Abnahme
label-decision = Entscheidung
label-change-request = Änderungsantrag
label-dependency = Abhängigkeit
label-risk = Risiko
label-issue = Problem
label-assumption = Annahme

## Vorlagen von portico new report und portico init

report-title = Statusbericht, { $date }
report-progress = Fortschritt
report-next-steps = Nächste Schritte
report-asks-of = Bitten an { $client }
report-was-due = war fällig am { $date } ({ $overdue }); sagen Sie, wie es weitergeht
report-needed-by = benötigt bis { $date }
report-requested-by = angefragt am { $date } von { $name }
scope-why = Warum diese Arbeit
report-due-before-next = Meilensteine fällig vor dem nächsten Bericht ({ $date })
report-needing-attention = Risiken und Probleme, die Aufmerksamkeit brauchen
report-awaiting-you = Entscheidungen und Änderungsanträge, die auf Sie warten
report-checklist-from = Checkliste aus dem Bericht vom { $date }
report-checklist = Checkliste

## Meetings
nav-meetings = Besprechungen
meetings-calendar-intro = Diese Besprechungen in Ihren Kalender übernehmen
meetings-calendar-intro-text = , zu ihren Uhrzeiten.
coming-up = Demnächst
no-meeting-scheduled = Noch ist keine Besprechung angesetzt.
past-meetings = Vergangene Besprechungen
meeting-with = Mit
meeting-agenda = Tagesordnung
meeting-minutes = Protokoll
meeting-draft = Entwurf
no-minutes-yet = Noch kein Protokoll veröffentlicht.
decisions-taken = Getroffene Entscheidungen
meeting-actions = Aufgaben
no-owner-named = Niemand benannt
action-done = erledigt
review-planned = Geplant { $every }; noch nicht angesetzt.
every-weeks = { $n ->
    [one] jede Woche
   *[other] alle { $n } Wochen
}
every-days = { $n ->
    [one] jeden Tag
   *[other] alle { $n } Tage
}
label-steering-review = Lenkungsausschuss
label-check-in = Abstimmung
label-workshop = Workshop
label-meeting = Besprechung
label-action-from = Aufgabe aus
calendar-link-milestones = Kalender der Meilensteine
subscribe-calendar-text-milestones = mit Meilensteinen: Ihre Kalender-App übernimmt neue Termine, sobald sie vereinbart sind.
subscribe-meetings = Den Kalender der Besprechungen abonnieren
subscribe-meetings-text = , zu ihren Uhrzeiten in Ihrer Kalender-App.
meetings-calendar-link = Kalender der Besprechungen
meetings-calendar-text = , zu ihren Uhrzeiten: Fügen Sie die Adresse Ihrer Kalender-App hinzu, um Änderungen zu verfolgen.
