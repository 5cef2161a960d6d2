# portico in het Nederlands. Elke tekst van het standaardthema; portico vult `{ $naam }` in.

## Getallen, geld, tijdsduur

percent = { $n }%
money = { $sign }{ $symbol } { $amount }
money-thousands = { $n } k
money-millions = { $n } mln.
money-billions = { $n } mld.
days = { $n ->
    [one] { $n } dag
   *[other] { $n } dagen
}
weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weken
}
months = { $n ->
    [one] { $n } maand
   *[other] { $n } maanden
}
years = { $n ->
    [one] { $n } jaar
   *[other] { $n } jaar
}
years-and-months = { $years } en { $months }
progress-week = Week { $at } van { $of }
progress-month = Maand { $at } van { $of }
progress-year = Jaar { $at } van { $of }

## Navigatie en paginatitels

nav-overview = Overzicht
nav-reports = Rapportages
nav-milestones = Mijlpalen
nav-scope = Scope
nav-kpis = KPI’s
nav-changes = Wijzigingen
nav-raid = Risico’s & besluiten
nav-budget = Budget
nav-service-levels = Serviceniveaus
nav-print = Printversie

## Elke pagina

skip-to-content = Naar de inhoud
report-of = Rapportage van
as-of-after-report = stand per
as-of = Stand per
nav-label = Onderdelen van het portaal
draft-preview = Conceptweergave.
draft-preview-text = Dit portaal bevat { $n ->
    [one] { $n } concept (rapportage of verslag) dat nog niet is gepubliceerd
   *[other] { $n } concepten (rapportages of verslagen) die nog niet zijn gepubliceerd
}: alleen ter beoordeling, niet doorsturen a.u.b.
engagement-closed-on = Deze opdracht is afgesloten op
engagement-closed-text = Hier verandert niets meer.
engagement-paused = Deze opdracht is gepauzeerd.
engagement-paused-text = Tot de hervatting zijn er geen voortgangsrapportages.
prepared-for = Opgesteld voor { $client } door { $agency }
confidential = Vertrouwelijk: dit portaal is alleen voor { $client }. Stuur het adres niet door a.u.b.

## Onderdelen van pagina’s

contract-value = Contractwaarde
approved-changes = Goedgekeurde wijzigingen ({ $n })
schedule-lower = planning
current-baseline = Huidige basislijn
awaiting-decision-count = Wacht op besluit ({ $n })
hours = Uren
billable = Declarabel
timeline-key-baseline = afgesproken datum (basislijn)
timeline-key-actual = verwachte of werkelijke datum · de lijn ertussen is de uitloop. De stippellijn markeert de peildatum.
timeline-tbc = { $n ->
    [one] { $n } mijlpaal met nog te bevestigen datum staat hieronder, maar niet op de tijdlijn.
   *[other] { $n } mijlpalen met nog te bevestigen data staan hieronder, maar niet op de tijdlijn.
}
milestone-table = Tabel van mijlpalen
id = Nr.
milestone = Mijlpaal
agreed-date = Afgesproken datum
forecast-done = Verwacht / gereed
slip = Uitloop
status = Status
sign-off = Acceptatie
delivers = Levert
to-be-confirmed = Nog te bevestigen
originally = Oorspronkelijk
to-be-confirmed-lower = nog te bevestigen
moved-it-to = { $change } verplaatste hem naar
done-on = Gereed
published-variance = Gepubliceerde afwijking:
updated = Bijgewerkt
no-update-since = Niet bijgewerkt sinds
deemed-accepted-on = Geacht geaccepteerd op
deemed-accepted-why = (geen antwoord binnen de afgesproken termijn)
accept-by = Accepteren vóór
submitted = Ingediend
round-submitted = Ronde { $n }: ingediend
by-person = door { $name }
target = Doel
no-target-tracked = Geen doel: alleen gevolgd
latest-on = laatst { $value } op
kpi-agreed = Bij de start met u afgesproken
kpi-own = Onze eigen maatstaf, niet met u afgesproken
updated-lower = bijgewerkt
measurements-count = Metingen ({ $n })
measurements-of = Metingen van { $name }
date = Datum
value = Waarde
against-target = Ten opzichte van doel
no-measurements-yet = Nog geen metingen.
where-baseline-stands = Waar de basislijn staat
requested-by-on = aangevraagd door { $name } op
decided = besloten
cost = Kosten
schedule = Planning
on-the-end-date = { $days } op de einddatum
effort = Inspanning
new-dates = Nieuwe data
to-date = tot
deliverables = Producten
table-of = Tabel: { $name }
task-done = Klaar:
task-open = Te doen:
region-code-block = Codeblok { $number }
region-table = Tabel { $number }
description = Omschrijving
owner = Eigenaar
severity = Ernst
dates = Data
raised = Gemeld
due = Uiterlijk
closed = Gesloten
decisions = Besluiten
owner-lower = eigenaar { $name }
needed-by = nodig vóór
status-as-of = Stand per
overdue = Te laat
next-milestone = Volgende mijlpaal
kpis-off-target = KPI’s onder doel
value-against-target = { $value } tegenover { $target }
open-high-risks = Open hoge risico’s
decisions-needed = Benodigde besluiten
by-date = vóór
was-due = uiterlijk
days-overdue = { $n ->
    [one] { $n } dag te laat
   *[other] { $n } dagen te laat
}
no-date-agreed = geen datum afgesproken
if-missed = Als het uitblijft: { $what }.
details = Details
details-of = van { $what }
nothing-waiting = Er wacht niets op u: er is van uw kant geen acceptatie, besluit of bijdrage nodig.

## Overzicht

overall-status = Algemene status
details-of-overall = van de algemene status
waiting-for-you = Wacht op u
rated-by-lower = beoordeeld door { $name }
no-status-report-yet = Nog geen voortgangsrapportage.
status-in-recent-reports = Status in recente rapportages
final-report = Eindrapportage
latest-report = Laatste rapportage
kpi-table = Tabel van KPI’s
measure = Maatstaf
trend = Trend
latest = Laatst
no-target = Geen doel
kpi-details = KPI’s in detail
milestones-done = { $done } van { $total } gereed
milestones-tbc = { $n } met nog te bevestigen datum
due-lower = uiterlijk
no-update-since-lower = niet bijgewerkt sinds
next = Volgende
all-milestones-done = Alle mijlpalen zijn gereed.
all-milestones = Alle mijlpalen
next-steering-review = Volgende stuurgroep
change-requests = Wijzigingsverzoeken
awaiting-your-decision = Wacht op uw besluit
change-log = Wijzigingslog
percent-used = { $percent } gebruikt
budget-details = Budget in detail
needs-attention = Vraagt aandacht
owner-colon = Eigenaar:
decisions-awaited = Verwachte besluiten
engagement = Opdracht
start-not-recorded = Start niet vastgelegd
state = Stand
paused = Gepauzeerd
fees = Honorarium
a-day = { $amount } per dag
stay-up-to-date = Op de hoogte blijven
subscribe-calendar = Abonneer op de agenda
subscribe-calendar-text = van mijlpalen en stuurgroepen: uw agenda-app neemt nieuwe data over zodra ze zijn afgesproken.
download-it = Download hem
instead = in plaats daarvan.
calendar-link = Agenda van mijlpalen en stuurgroepen
calendar-text = voeg het adres toe aan uw agenda-app om wijzigingen te volgen.
feed-link = Feed van voortgangsrapportages
feed-text = voeg hem toe aan een feedlezer om elke nieuwe rapportage te zien.
data-link = De gegevens van dit portaal
data-text = voor uw eigen hulpmiddelen.
whos-who = Wie is wie
print-pack-text = deze stand, elk onderdeel en de laatste rapportage als één document om te printen of als pdf op te slaan.
your-team = Uw team
our-team = Ons team

## Pagina’s

time-in-all = { $total } in totaal: { $billable } declarabel, { $unbilled } niet gefactureerd.
hours-per-week-count = Uren per week ({ $n })
budget-lede = Wat de opdracht tot nu toe heeft gekost, tegenover wat is afgesproken, op basis van de geschreven uren en de verstuurde facturen.
time-and-materials = Op basis van nacalculatie
spent-to-date = Besteed tot nu toe
percent-of-cap = { $percent } van het plafond
over-the-cap = boven het plafond
remaining = Resterend
cap = Plafond
cap-raised = { $amount } afgesproken, verhoogd door goedgekeurde wijzigingen
forecast-at-completion = Prognose bij oplevering
beyond-the-cap = boven het plafond
recent-rate = In het recente tempo van { $amount } per week (de laatste vier weken)
milestones-done-label = Mijlpalen gereed
spending-ahead = de uitgaven lopen voor op de voortgang
changes-raising-cap = Goedgekeurde wijzigingen die het plafond verhogen
approved-lower = goedgekeurd
unpriced-rows = { $n ->
    [one] { $n } declarabele regel heeft nog geen tarief en telt niet mee.
   *[other] { $n } declarabele regels hebben nog geen tarief en tellen niet mee.
}
burnup-caption = Besteed (doorgetrokken lijn) tegenover de geplande besteding (gestreept, gelijkmatig van begin tot eind), het plafond (gestreepte treden) en de prognose (gestippeld).
spending-per-week = Bestedingen per week
week-of = Week van
billable-hours = Declarabele uren
spent = Besteed
to-date-total = Cumulatief
planned-to-date = Gepland tot nu
retainer = Retainer
retainer-terms = { $hours } per maand voor { $fee }; tot { $rollover } ongebruikt gaat mee naar de volgende maand
retainer-overage = extra uren kosten elk { $rate }
hours-used = { $used } van { $available } uur gebruikt
recent-months = Recente maanden
hours-of-short = { $used } van { $available } u
hours-over-short = +{ $n } u erboven
retainer-months = Maanden van de retainer
hours-per-month = Uren per maand
month = Maand
included = Inbegrepen
carried-in = Meegenomen
used = Gebruikt
over = Erboven
carried-out = Doorgeschoven
billed = Gefactureerd
time-recorded = Geschreven uren
hours-per-week = Uren per week
invoices = Facturen
invoiced-paid-outstanding = Gefactureerd { $billed }, betaald { $paid }, openstaand { $outstanding }.
invoices-exceed-cap = De facturen overschrijden het plafond van { $amount }.
invoice-was-due = Factuur { $number } ({ $amount }) moest betaald zijn op
and-is-days-overdue = { $n ->
    [one] en is { $n } dag te laat.
   *[other] en is { $n } dagen te laat.
}
invoice-table = Tabel van facturen
number = Nummer
period = Periode
issued = Uitgegeven
amount = Bedrag
hours-per-task = Uren per taak
task = Taak
hours-per-role = Uren per rol
role = Rol
hours-per-person = Uren per persoon
person = Persoon
sla-lede = De afgesproken serviceniveaus, het resultaat van elke periode tegenover het doel en bij elke overschrijding wat de oorzaak was en wat er is gedaan.
last-period = laatste periode
results-of = Resultaten van { $name }
achieved = Behaald
breaches = Overschrijdingen
met = Gehaald
missed = Niet gehaald
breaches-in = Overschrijdingen in { $period }
cause = Oorzaak:
cause-unknown = nog niet vastgesteld
remedy = Oplossing:
remedy-unknown = nog niet afgesproken
no-results-yet = Nog geen resultaten.
pack-lede-1 = Waar de opdracht staat per
pack-lede-2 = met mijlpalen, KPI’s, wijzigingen, risico’s en besluiten en de laatste rapportage, als één document. Print het of sla het op als pdf met de printopdracht van uw browser.
pack-prepared = Opgesteld voor { $client } door { $agency }. Vertrouwelijk: alleen voor { $client }; niet doorsturen a.u.b.
where-things-stand = Waar we staan
overall-status-colon = Algemene status:
no-status-report-yet-lower = nog geen voortgangsrapportage
raid-title = Risico’s, issues en besluiten
raid-risks = Risico’s
raid-assumptions = Aannames
raid-issues = Issues
raid-dependencies = Afhankelijkheden
draft = Concept
draft-text = nog niet gepubliceerd; de inhoud kan nog veranderen.
status-report = Voortgangsrapportage
overall = Algemeen
rated-by = Beoordeeld door { $name }
other-reports = Andere rapportages
previous-report = Vorige rapportage
next-report = Volgende rapportage
status-reports = Voortgangsrapportages
deliverables-table = Tabel van producten
deliverable = Product
accepted-when = Geaccepteerd als
not-included = Niet inbegrepen
assumptions = Aannames
what-we-need = Wat we van u nodig hebben
background = Achtergrond
kpis-lede = De maatstaven voor succes, met elke meting tot nu toe. Bij elke staat of die met u is afgesproken of onze eigen maatstaf is.
changes-lede = Elk verzoek om het afgesprokene te wijzigen: wie het vroeg, wat het kost aan tijd en geld, en of het is goedgekeurd.

## De vergrendelpagina van een beveiligd portaal

private-portal = Privé klantportaal
lock-lede = { $agency } deelt hier de projectstatus met zijn klanten: rapportages, mijlpalen en besluiten. Dit portaal is versleuteld; alleen wie het wachtwoord heeft gekregen kan het openen.
lock-noscript = JavaScript staat uit in uw browser. Het portaal wordt in uw browser ontsleuteld en heeft daarvoor JavaScript nodig: zet het aan voor deze site en laad de pagina opnieuw.
password = Wachtwoord
remember-device = Onthouden op dit apparaat
open-portal = Portaal openen
no-password = Geen wachtwoord?
ask-contact = Vraag het uw contactpersoon bij { $agency }
or-write-to = of schrijf naar
password-local = Uw wachtwoord wordt in deze browser gecontroleerd: niets wat u hier typt wordt verstuurd.
unlock-opening = Bezig met openen…
unlock-wrong-password = Met dit wachtwoord ging het portaal niet open. Controleer het en probeer het opnieuw.
unlock-bad-link = Deze link is onvolledig of beschadigd. Voer in plaats daarvan uw wachtwoord in.
unlock-misplaced = Deze pagina kon niet worden geopend: wat op dit adres staat hoort hier niet. Het is misschien verplaatst of gewijzigd; laat het { $agency } weten a.u.b.
unlock-no-crypto = Deze browser kan het portaal hier niet ontsleutelen. Open het via https of in een andere browser.
unlock-attachment-failed = De bijlage kon niet worden gedownload. Laad de pagina opnieuw en probeer het nog eens.
log-out = Afmelden

## Woorden die de weergaven berekenen

no-forecast = Geen prognose gegeven
on-plan = Volgens plan
later-than-agreed = { $span } later dan afgesproken
against-original = { $span } ten opzichte van de oorspronkelijke datum
span-overdue = { $span } te laat
tolerance-band = Tolerantieband { $low } tot { $high }
near-target-down = Dicht bij het doel tot { $value }
near-target-up = Dicht bij het doel tot { $value }
higher-is-better = Hoger is beter
lower-is-better = Lager is beter
no-measurement-yet = Nog geen meting
near = Dichtbij
not-met = Niet gehaald
on-target = Op doel
near-target = Dicht bij doel
off-target = Onder doel
days-of-effort = { $n ->
    [one] { $n } dag werk
   *[other] { $n } dagen werk
}
days-unit = dagen
owed-deemed = { $id } geldt op { $date } als geaccepteerd zonder uw antwoord
owed-signoff-late = { $id } blijft open en het werk daarna wacht
owed-decision-late = het werk dat ervan afhangt wacht
owed-change-late = het werk gaat door zoals afgesproken, zonder deze wijziging
owed-change-late-milestones = { $n ->
    [one] { $ids } blijft gepland zonder deze wijziging
   *[other] { $ids } blijven gepland zonder deze wijziging
}
owed-dependency-late = het werk dat erop wacht loopt uit
owed-risk-late = het risico blijft zonder de afgesproken maatregel
owed-issue-late = het issue blijft open en het effect groeit
owed-assumption-late = het plan rust op een aanname die niemand heeft bevestigd
withheld-because = Achtergehouden: { $reason }
past-planned-end = { $span } na het geplande einde
starts-in = Begint over { $span }
scope-of-work = Scope van de opdracht
budget-card-spent = { $spent } van { $cap } besteed ({ $percent }), { $remaining } resterend.
budget-card-forecast = Prognose bij oplevering: { $amount }.
budget-card-over = De bestedingen liggen boven het plafond.
budget-card-would-pass = In het recente tempo gaan de bestedingen over het plafond.
budget-card-retainer = { $month }: { $used } van { $available } uur gebruikt ({ $included } inbegrepen, { $carried } meegenomen).
budget-card-retainer-over = { $hours } uur boven de retainer deze maand.
budget-card-time = { $total } geschreven, { $billable } declarabel.
budget-card-invoiced = Gefactureerd { $billed }, betaald { $paid }.
hours-count = { $n ->
    [one] { $n } uur
   *[other] { $n } uur
}
budget-card-invoice-overdue = Factuur { $number } ({ $amount }) moest op { $date } betaald zijn en is te laat.
sla-card-met = { $period }: { $met } van { $n ->
    [one] { $n } serviceniveau
   *[other] { $n } serviceniveaus
} gehaald.
sla-card-missed = Niet gehaald: { $name }, { $achieved } tegenover een doel van { $target }.

## Grafieken

quarter = K{ $quarter } { $year }
spark-from-to = { $name }: van { $first } naar { $last }
spark-with-target = { $text }, doel { $target }
spark-no-measurements = { $name }: nog geen metingen
chart-over-time-target = { $name } in de tijd tegenover een doel van { $target }
chart-over-time = { $name } in de tijd
burnup-title = Budget besteed in de tijd: { $spent } van een plafond van { $cap }
burnup-title-forecast = { $text }, prognose { $amount } bij oplevering
timeline-baseline = basislijn
timeline-done = gereed
timeline-overdue = prognose, te laat
timeline-forecast = prognose
timeline-point = { $id }: { $what } { $date }
timeline-late-no-forecast = te laat, geen prognose
colon = {": "}
list-separator = {"; "}
timeline-title = Tijdlijn van mijlpalen: basislijn- en verwachte data, stand per { $date }

## Feed en agenda

feed-title = { $client }: voortgangsrapportages
calendar-title = { $client }: mijlpalen
calendar-status-overdue = { $status }, te laat
calendar-agreed = Afgesproken datum: { $date }.
calendar-originally = Oorspronkelijk { $date } (verplaatst door goedgekeurde wijzigingen).
calendar-done-on = Gereed op { $date }.
calendar-forecast = Prognose: { $date } ({ $days } ten opzichte van het plan).
steering-review = Stuurgroep
calendar-review = Stuurgroep van { $client }, elke { $n } dagen.
calendar-on-plan = Volgens plan.
calendar-no-forecast = Geen prognose gegeven.

## Woorden van het model

label-on-track = Op koers
label-at-risk = Risico
label-off-track = Uit koers
label-not-assessed = Niet beoordeeld
label-withheld = Achtergehouden
label-planned = Gepland
label-in-progress = Bezig
label-blocked = Geblokkeerd
label-done = Gereed
label-accepted = Geaccepteerd
label-rejected = Afgewezen
label-awaiting-decision = Wacht op besluit
label-proposed = Voorgesteld
label-approved = Goedgekeurd
label-withdrawn = Ingetrokken
label-open = Open
label-escalated = Geëscaleerd
label-closed = Gesloten
label-low = Laag
label-medium = Gemiddeld
label-high = Hoog
label-critical = Kritiek
label-decided = Besloten
label-draft = Concept
label-sent = Verstuurd
label-awaiting-payment = Wacht op betaling
label-paid = Betaald
label-fixed-price = Vaste prijs
label-time-and-materials-day-rate = Nacalculatie (dagtarief)
label-monthly-fee = Maandbedrag
label-retainer = Retainer
label-no-fee = Geen honorarium
label-other-arrangement = Andere afspraak
label-sign-off = Acceptatie
label-decision = Besluit
label-change-request = Wijzigingsverzoek
label-dependency = Afhankelijkheid
label-risk = Risico
label-issue = Issue
label-assumption = Aanname

## Sjablonen van portico new report en portico init

report-title = Voortgangsrapportage, { $date }
report-progress = Voortgang
report-next-steps = Volgende stappen
report-asks-of = Verzoeken aan { $client }
report-was-due = was gepland op { $date } ({ $overdue }); zeg wat er nu gebeurt
report-needed-by = nodig vóór { $date }
report-requested-by = aangevraagd op { $date } door { $name }
scope-why = Waarom dit werk
report-due-before-next = Mijlpalen vóór de volgende rapportage ({ $date })
report-needing-attention = Risico’s en issues die aandacht vragen
report-awaiting-you = Besluiten en wijzigingsverzoeken die op u wachten
report-checklist-from = Checklist uit de rapportage van { $date }
report-checklist = Checklist

## Meetings
nav-meetings = Overleggen
meetings-calendar-intro = Zet deze overleggen in uw agenda
meetings-calendar-intro-text = , op hun tijden.
coming-up = Gepland
no-meeting-scheduled = Er is nog geen overleg gepland.
past-meetings = Eerdere overleggen
meeting-with = Met
meeting-agenda = Agenda
meeting-minutes = Verslag
meeting-draft = Concept
no-minutes-yet = Nog geen verslag gepubliceerd.
decisions-taken = Genomen besluiten
meeting-actions = Acties
no-owner-named = Geen eigenaar genoemd
action-done = gedaan op
review-planned = Gepland { $every }; nog niet ingepland.
every-weeks = { $n ->
    [one] elke week
   *[other] elke { $n } weken
}
every-days = { $n ->
    [one] elke dag
   *[other] elke { $n } dagen
}
label-steering-review = Stuurgroep
label-check-in = Afstemming
label-workshop = Workshop
label-meeting = Overleg
label-action-from = Actie uit
calendar-link-milestones = Agenda van mijlpalen
subscribe-calendar-text-milestones = van mijlpalen: uw agenda-app neemt nieuwe data over zodra ze zijn afgesproken.
subscribe-meetings = Abonneer op de agenda van overleggen
subscribe-meetings-text = , op hun tijden in uw agenda-app.
meetings-calendar-link = Agenda van overleggen
meetings-calendar-text = , op hun tijden: voeg het adres toe aan uw agenda-app om wijzigingen te volgen.
