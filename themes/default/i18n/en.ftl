# portico's English texts: every text the default theme shows.
# Each line is `key = text`; `{ $name }` is filled in by portico. Where a text depends on a
# number, Fluent picks the form by the language's plural rules:
#   days = { $n -> [one] { $n } day *[other] { $n } days }
# To translate the portal into another language, copy this file to your portal's
# theme/i18n/<tag>.ftl (de.ftl, pt-BR.ftl) and translate the right-hand sides.

## Numbers, money, spans of time

percent = { $n }%
# $sign is − or nothing; $prefix is €, $, £ or the code and a space (CHF ); $symbol the same without the space.
money = { $sign }{ $prefix }{ $amount }
money-thousands = { $n }k
money-millions = { $n }m
money-billions = { $n }bn
days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
years-and-months = { $years } { $months }
progress-week = Week { $at } of { $of }
progress-month = Month { $at } of { $of }
progress-year = Year { $at } of { $of }

## Navigation and page titles

nav-overview = Overview
nav-reports = Reports
nav-milestones = Milestones
nav-scope = Scope
nav-kpis = KPIs
nav-changes = Changes
nav-raid = Risks & decisions
nav-budget = Budget
nav-service-levels = Service levels
nav-print = Print pack

## Every page

skip-to-content = Skip to content
report-of = Report of
as-of-after-report = as of
as-of = As of
nav-label = Portal sections
draft-preview = Draft preview.
draft-preview-text = This portal includes { $n } { $n ->
    [one] draft
   *[other] drafts
} (reports or minutes) not published yet: for review only, please do not forward.
engagement-closed-on = This engagement closed on
engagement-closed-text = Nothing here changes any more.
engagement-paused = This engagement is paused.
engagement-paused-text = No status reports are due until it resumes.
prepared-for = Prepared for { $client } by { $agency }
confidential = Confidential: this portal is for { $client } only. Please do not forward the address.

## Components shared by pages

contract-value = Contract value
approved-changes = Approved changes ({ $n })
schedule-lower = schedule
current-baseline = Current baseline
awaiting-decision-count = Awaiting decision ({ $n })
hours = Hours
billable = Billable
timeline-key-baseline = agreed date (baseline)
timeline-key-actual = forecast or actual date · the line between them is the slip. The dashed line marks the as-of date.
timeline-tbc = { $n ->
    [one] { $n } milestone with dates to be confirmed is listed below but not on the timeline.
   *[other] { $n } milestones with dates to be confirmed are listed below but not on the timeline.
}
milestone-table = Milestone table
id = Id
milestone = Milestone
agreed-date = Agreed date
forecast-done = Forecast / done
slip = Slip
status = Status
sign-off = Sign-off
delivers = Delivers
to-be-confirmed = To be confirmed
originally = Originally
to-be-confirmed-lower = to be confirmed
moved-it-to = { $change } moved it to
done-on = Done
published-variance = Published variance:
updated = Updated
no-update-since = No update since
deemed-accepted-on = Deemed accepted on
deemed-accepted-why = (no answer within the agreed period)
accept-by = Accept by
submitted = Submitted
round-submitted = Round { $n }: submitted
by-person = by { $name }
target = Target
no-target-tracked = No target: tracked only
latest-on = latest { $value } on
kpi-agreed = Agreed with you at the start
kpi-own = Our own measure, not agreed with you
updated-lower = updated
measurements-count = Measurements ({ $n })
measurements-of = Measurements of { $name }
date = Date
value = Value
against-target = Against target
no-measurements-yet = No measurements yet.
where-baseline-stands = Where the baseline stands
requested-by-on = requested by { $name } on
decided = decided
cost = Cost
schedule = Schedule
on-the-end-date = { $days } on the end date
effort = Effort
new-dates = New dates
to-date = to
deliverables = Deliverables
table-of = { $name } table
task-done = Done:
task-open = To do:
region-code-block = Code block { $number }
region-table = Table { $number }
description = Description
owner = Owner
severity = Severity
dates = Dates
raised = Raised
due = Due
closed = Closed
decisions = Decisions
owner-lower = owner { $name }
needed-by = needed by
status-as-of = Status as of
overdue = Overdue
next-milestone = Next milestone
kpis-off-target = KPIs off target
value-against-target = { $value } against { $target }
open-high-risks = Open high risks
decisions-needed = Decisions needed
by-date = by
was-due = was due
days-overdue = { $n ->
    [one] { $n } day overdue
   *[other] { $n } days overdue
}
no-date-agreed = no date agreed
if-missed = If missed: { $what }.
details = Details
details-of = of { $what }
nothing-waiting = Nothing is waiting for you: no sign-off, decision or input is due from your side.

## Overview

overall-status = Overall status
details-of-overall = of the overall status
waiting-for-you = Waiting for you
rated-by-lower = rated by { $name }
no-status-report-yet = No status report yet.
status-in-recent-reports = Status in recent reports
final-report = Final report
latest-report = Latest report
kpi-table = KPI table
measure = Measure
trend = Trend
latest = Latest
no-target = No target
kpi-details = KPI details
milestones-done = { $done } of { $total } done
milestones-tbc = { $n } with dates to be confirmed
due-lower = due
no-update-since-lower = no update since
next = Next
all-milestones-done = All milestones are done.
all-milestones = All milestones
next-steering-review = Next steering review
change-requests = Change requests
awaiting-your-decision = Awaiting your decision
change-log = Change log
percent-used = { $percent } used
budget-details = Budget details
needs-attention = Needs attention
owner-colon = Owner:
decisions-awaited = Decisions awaited
engagement = Engagement
start-not-recorded = Start not recorded
state = State
paused = Paused
fees = Fees
a-day = { $amount } a day
stay-up-to-date = Stay up to date
subscribe-calendar = Subscribe to the calendar
subscribe-calendar-text = of milestones and reviews: your calendar app adds new dates as they are agreed.
download-it = Download it
instead = instead.
calendar-link = Calendar of milestones and reviews
calendar-text = add its address to your calendar app to follow changes.
feed-link = Feed of status reports
feed-text = add it to a feed reader to hear of each new report.
data-link = This portal's data
data-text = for your own tools.
whos-who = Who's who
print-pack-text = this status, every section and the latest report as one document to print or save as PDF.
your-team = Your team
our-team = Our team

## Pages

time-in-all = { $total } in all: { $billable } billable, { $unbilled } not billed.
hours-per-week-count = Hours per week ({ $n })
budget-lede = What the engagement has cost so far, against what was agreed, from the time recorded and the invoices sent.
time-and-materials = Time and materials
spent-to-date = Spent to date
percent-of-cap = { $percent } of the cap
over-the-cap = over the cap
remaining = Remaining
cap = Cap
cap-raised = { $amount } agreed, raised by approved changes
forecast-at-completion = Forecast at completion
beyond-the-cap = beyond the cap
recent-rate = At the recent rate of { $amount } a week (the last four weeks)
milestones-done-label = Milestones done
spending-ahead = spending is ahead of progress
changes-raising-cap = Approved changes raising the cap
approved-lower = approved
unpriced-rows = { $n ->
    [one] { $n } billable entry has no rate yet and is not counted.
   *[other] { $n } billable entries have no rate yet and are not counted.
}
burnup-caption = Spent (solid line) against the planned spend (dashed, even from start to end), the cap (dashed steps) and the forecast (dotted).
spending-per-week = Spending per week
week-of = Week of
billable-hours = Billable hours
spent = Spent
to-date-total = To date
planned-to-date = Planned to date
retainer = Retainer
retainer-terms = { $hours } a month for { $fee }; up to { $rollover } unused carry into the next month
retainer-overage = extra hours cost { $rate } each
hours-used = { $used } of { $available } hours used
recent-months = Recent months
hours-of-short = { $used } of { $available } h
hours-over-short = +{ $n } h over
retainer-months = Retainer months
hours-per-month = Hours per month
month = Month
included = Included
carried-in = Carried in
used = Used
over = Over
carried-out = Carried out
billed = Billed
time-recorded = Time recorded
hours-per-week = Hours per week
invoices = Invoices
invoiced-paid-outstanding = Invoiced { $billed }, paid { $paid }, outstanding { $outstanding }.
invoices-exceed-cap = Invoices exceed the cap of { $amount }.
invoice-was-due = Invoice { $number } ({ $amount }) was due on
and-is-days-overdue = { $n ->
    [one] and is { $n } day overdue.
   *[other] and is { $n } days overdue.
}
invoice-table = Invoice table
number = Number
period = Period
issued = Issued
amount = Amount
hours-per-task = Hours per task
task = Task
hours-per-role = Hours per role
role = Role
hours-per-person = Hours per person
person = Person
sla-lede = The service levels agreed, each period's result against its target, and for every breach what caused it and what was done.
last-period = last period
results-of = Results of { $name }
achieved = Achieved
breaches = Breaches
met = Met
missed = Missed
breaches-in = Breaches in { $period }
cause = Cause:
cause-unknown = not yet established
remedy = Remedy:
remedy-unknown = not yet agreed
no-results-yet = No results yet.
pack-lede-1 = Where the engagement stands as of
pack-lede-2 = with its milestones, KPIs, changes, risks and decisions and the latest report, as one document. Print it or save it as PDF with your browser’s Print command.
pack-prepared = Prepared for { $client } by { $agency }. Confidential: for { $client } only; please do not forward.
where-things-stand = Where things stand
overall-status-colon = Overall status:
no-status-report-yet-lower = no status report yet
raid-title = Risks, issues and decisions
raid-risks = Risks
raid-assumptions = Assumptions
raid-issues = Issues
raid-dependencies = Dependencies
draft = Draft
draft-text = not published yet; what it says may still change.
status-report = Status report
overall = Overall
rated-by = Rated by { $name }
other-reports = Other reports
previous-report = Previous report
next-report = Next report
status-reports = Status reports
deliverables-table = Deliverables table
deliverable = Deliverable
accepted-when = Accepted when
not-included = Not included
assumptions = Assumptions
what-we-need = What we need from you
background = Background
kpis-lede = The measures of success, with every measurement taken so far. Each says whether it was agreed with you or is our own measure.
changes-lede = Every request to change what was agreed: who asked, what it costs in time and money, and whether it was agreed.

## The lock page of a protected portal

private-portal = Private client portal
lock-lede = { $agency } shares project status with its clients here: reports, milestones and decisions. This portal is encrypted, and only people given its password can open it.
lock-noscript = Your browser has JavaScript turned off. The portal is decrypted in your browser, so it needs JavaScript to open: turn it on for this site, then reload the page.
password = Password
remember-device = Remember on this device
open-portal = Open the portal
no-password = No password?
ask-contact = Ask your contact at { $agency }
or-write-to = or write to
password-local = Your password is checked in this browser: nothing you type here is sent anywhere.
unlock-opening = Opening…
unlock-wrong-password = That password did not open the portal. Check it and try again.
unlock-bad-link = This link is incomplete or damaged. Enter your password instead.
unlock-misplaced = This page could not be opened: what is stored at this address does not belong here. It may have been moved or altered; please tell { $agency }.
unlock-no-crypto = This browser cannot decrypt the portal from here. Open it over https, or in another browser.
unlock-attachment-failed = The attachment could not be downloaded. Reload the page and try again.
log-out = Log out

## Words the views compute

no-forecast = No forecast given
on-plan = On plan
later-than-agreed = { $span } later than agreed
against-original = { $span } against the original date
span-overdue = { $span } overdue
tolerance-band = Tolerance band { $low } to { $high }
near-target-down = Near target down to { $value }
near-target-up = Near target up to { $value }
higher-is-better = Higher is better
lower-is-better = Lower is better
no-measurement-yet = No measurement yet
near = Near
not-met = Not met
on-target = On target
near-target = Near target
off-target = Off target
days-of-effort = { $n ->
    [one] { $n } day of effort
   *[other] { $n } days of effort
}
days-unit = days
owed-deemed = { $id } counts as accepted on { $date } without your answer
owed-signoff-late = { $id } stays open and the work after it waits
owed-decision-late = the work that depends on it waits
owed-change-late = the work goes on as agreed, without this change
owed-change-late-milestones = { $n ->
    [one] { $ids } stays planned without this change
   *[other] { $ids } stay planned without this change
}
owed-dependency-late = the work that waits on it slips
owed-risk-late = the risk stays without its agreed response
owed-issue-late = the issue stays open and its effect grows
owed-assumption-late = the plan rests on an assumption nobody confirmed
withheld-because = Withheld: { $reason }
past-planned-end = { $span } past the planned end
starts-in = Starts in { $span }
scope-of-work = Scope of work
budget-card-spent = { $spent } of { $cap } spent ({ $percent }), { $remaining } remaining.
budget-card-forecast = Forecast at completion: { $amount }.
budget-card-over = Spending is over the cap.
budget-card-would-pass = At the recent rate, spending would pass the cap.
budget-card-retainer = { $month }: { $used } of { $available } hours used ({ $included } included, { $carried } carried over).
budget-card-retainer-over = { $hours } hours over the retainer this month.
budget-card-time = { $total } recorded, { $billable } billable.
budget-card-invoiced = Invoiced { $billed }, paid { $paid }.
hours-count = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
budget-card-invoice-overdue = Invoice { $number } ({ $amount }) was due on { $date } and is overdue.
sla-card-met = { $period }: { $met } of { $n ->
    [one] { $n } service level
   *[other] { $n } service levels
} met.
sla-card-missed = Missed: { $name }, { $achieved } against a target of { $target }.

## Charts

quarter = Q{ $quarter } { $year }
spark-from-to = { $name }: from { $first } to { $last }
spark-with-target = { $text }, target { $target }
spark-no-measurements = { $name }: no measurements yet
chart-over-time-target = { $name } over time against a target of { $target }
chart-over-time = { $name } over time
burnup-title = Budget spent over time: { $spent } of a cap of { $cap }
burnup-title-forecast = { $text }, forecast { $amount } at completion
timeline-baseline = baseline
timeline-done = done
timeline-overdue = forecast, overdue
timeline-forecast = forecast
timeline-point = { $id }: { $what } { $date }
timeline-late-no-forecast = late, no forecast
colon = {": "}
list-separator = {"; "}
timeline-title = Milestone timeline: baseline and forecast dates, as of { $date }

## The feed and the calendar

feed-title = { $client }: status reports
calendar-title = { $client }: milestones
calendar-status-overdue = { $status }, overdue
calendar-agreed = Agreed date: { $date }.
calendar-originally = Originally { $date } (moved by approved changes).
calendar-done-on = Done on { $date }.
calendar-forecast = Forecast: { $date } ({ $days } against the plan).
steering-review = Steering review
calendar-review = Steering review of { $client }, every { $n } days.
calendar-on-plan = On plan.
calendar-no-forecast = No forecast given.

## Words of the model: statuses, fee bases (label- and the word, lower case, with dashes)

label-on-track = On track
label-at-risk = At risk
label-off-track = Off track
label-not-assessed = Not assessed
label-withheld = Withheld
label-planned = Planned
label-in-progress = In progress
label-blocked = Blocked
label-done = Done
label-accepted = Accepted
label-rejected = Rejected
label-awaiting-decision = Awaiting decision
label-proposed = Proposed
label-approved = Approved
label-withdrawn = Withdrawn
label-open = Open
label-escalated = Escalated
label-closed = Closed
label-low = Low
label-medium = Medium
label-high = High
label-critical = Critical
label-decided = Decided
label-draft = Draft
label-sent = Sent
label-awaiting-payment = Awaiting payment
label-paid = Paid
label-fixed-price = Fixed price
label-time-and-materials-day-rate = Time and materials (day rate)
label-monthly-fee = Monthly fee
label-retainer = Retainer
label-no-fee = No fee
label-other-arrangement = Other arrangement
label-sign-off = Sign-off
label-decision = Decision
label-change-request = Change request
label-dependency = Dependency
label-risk = Risk
label-issue = Issue
label-assumption = Assumption

## Templates portico new report and portico init write

report-title = Status report, { $date }
report-progress = Progress
report-next-steps = Next steps
report-asks-of = Asks of { $client }
report-was-due = was due { $date } ({ $overdue }); say what happens now
report-needed-by = needed by { $date }
report-requested-by = requested { $date } by { $name }
scope-why = Why this work
report-due-before-next = Milestones due before the next report ({ $date })
report-needing-attention = Risks and issues needing attention
report-awaiting-you = Decisions and change requests awaiting you
report-checklist-from = Checklist from the report of { $date }
report-checklist = Checklist

## Meetings
nav-meetings = Meetings
meetings-calendar-intro = Add these meetings to your calendar
meetings-calendar-intro-text = , at their times.
coming-up = Coming up
no-meeting-scheduled = No meeting is scheduled yet.
past-meetings = Past meetings
meeting-with = With
meeting-agenda = Agenda
meeting-minutes = Minutes
meeting-draft = Draft
no-minutes-yet = No minutes published yet.
decisions-taken = Decisions taken
meeting-actions = Actions
no-owner-named = No owner named
action-done = done
review-planned = Planned { $every }; not yet scheduled.
every-weeks = { $n ->
    [one] every week
   *[other] every { $n } weeks
}
every-days = { $n ->
    [one] every day
   *[other] every { $n } days
}
label-steering-review = Steering review
label-check-in = Check-in
label-workshop = Workshop
label-meeting = Meeting
label-action-from = Action from
calendar-link-milestones = Calendar of milestones
subscribe-calendar-text-milestones = of milestones: your calendar app adds new dates as they are agreed.
subscribe-meetings = Subscribe to the calendar of meetings
subscribe-meetings-text = , at their times in your calendar app.
meetings-calendar-link = Calendar of meetings
meetings-calendar-text = , at their times: add its address to your calendar app to follow changes.
