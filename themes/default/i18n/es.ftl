# portico en español. Cada texto del tema predeterminado; portico rellena `{ $nombre }`.

## Números, dinero, duraciones

percent = { $n } %
money = { $sign }{ $amount } { $symbol }
money-thousands = { $n } mil
money-millions = { $n } M
money-billions = { $n } mil M
days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
weeks = { $n ->
    [one] { $n } semana
   *[other] { $n } semanas
}
months = { $n ->
    [one] { $n } mes
   *[other] { $n } meses
}
years = { $n ->
    [one] { $n } año
   *[other] { $n } años
}
years-and-months = { $years } y { $months }
progress-week = Semana { $at } de { $of }
progress-month = Mes { $at } de { $of }
progress-year = Año { $at } de { $of }

## Navegación y títulos

nav-overview = Resumen
nav-reports = Informes
nav-milestones = Hitos
nav-scope = Alcance
nav-kpis = Indicadores
nav-changes = Cambios
nav-raid = Riesgos y decisiones
nav-budget = Presupuesto
nav-service-levels = Niveles de servicio
nav-print = Dosier para imprimir

## Cada página

skip-to-content = Ir al contenido
report-of = Informe del
as-of-after-report = situación a
as-of = Situación a
nav-label = Secciones del portal
draft-preview = Vista previa de borradores.
draft-preview-text = Este portal incluye { $n ->
    [one] { $n } borrador (informe o acta) que aún no se ha publicado
   *[other] { $n } borradores (informes o actas) que aún no se han publicado
}: solo para revisión, por favor no lo reenvíe.
engagement-closed-on = Este encargo terminó el
engagement-closed-text = Aquí ya no cambia nada.
engagement-paused = Este encargo está en pausa.
engagement-paused-text = No se esperan informes hasta que se reanude.
prepared-for = Preparado para { $client } por { $agency }
confidential = Confidencial: este portal es solo para { $client }. Por favor, no reenvíe la dirección.

## Piezas comunes

contract-value = Importe del contrato
approved-changes = Cambios aprobados ({ $n })
schedule-lower = plazo
current-baseline = Línea base actual
awaiting-decision-count = Pendientes de decisión ({ $n })
hours = Horas
billable = Facturables
timeline-key-baseline = fecha acordada (línea base)
timeline-key-actual = fecha prevista o real · la línea entre ambas es el desvío. La línea discontinua marca la fecha de referencia.
timeline-tbc = { $n ->
    [one] { $n } hito con fecha por confirmar figura abajo, pero no en la cronología.
   *[other] { $n } hitos con fechas por confirmar figuran abajo, pero no en la cronología.
}
milestone-table = Tabla de hitos
id = Ref.
milestone = Hito
agreed-date = Fecha acordada
forecast-done = Previsión / hecho
slip = Desvío
status = Estado
sign-off = Aceptación
delivers = Entrega
to-be-confirmed = Por confirmar
originally = Originalmente
to-be-confirmed-lower = por confirmar
moved-it-to = { $change } lo movió al
done-on = Hecho el
published-variance = Desviación publicada:
updated = Actualizado el
no-update-since = Sin actualizar desde el
deemed-accepted-on = Aceptado tácitamente el
deemed-accepted-why = (sin respuesta en el plazo acordado)
accept-by = Aceptar antes del
submitted = Presentado el
round-submitted = Ronda { $n }: presentado el
by-person = por { $name }
target = Objetivo
no-target-tracked = Sin objetivo: solo seguimiento
latest-on = último valor { $value } el
kpi-agreed = Acordado con usted al inicio
kpi-own = Medida propia, no acordada con usted
updated-lower = actualizado el
measurements-count = Mediciones ({ $n })
measurements-of = Mediciones de { $name }
date = Fecha
value = Valor
against-target = Frente al objetivo
no-measurements-yet = Aún no hay mediciones.
where-baseline-stands = Dónde está la línea base
requested-by-on = solicitado por { $name } el
decided = decidido el
cost = Coste
schedule = Plazo
on-the-end-date = { $days } en la fecha de fin
effort = Esfuerzo
new-dates = Nuevas fechas
to-date = al
deliverables = Entregables
table-of = Tabla: { $name }
task-done = Hecho:
task-open = Pendiente:
region-code-block = Bloque de código { $number }
region-table = Tabla { $number }
description = Descripción
owner = Responsable
severity = Gravedad
dates = Fechas
raised = Abierto el
due = Vence
closed = Cerrado el
decisions = Decisiones
owner-lower = responsable { $name }
needed-by = necesaria antes del
status-as-of = Situación a
overdue = Con retraso
next-milestone = Próximo hito
kpis-off-target = Indicadores fuera de objetivo
value-against-target = { $value } frente a { $target }
open-high-risks = Riesgos altos abiertos
decisions-needed = Decisiones necesarias
by-date = antes del
was-due = vencía el
days-overdue = { $n ->
    [one] { $n } día de retraso
   *[other] { $n } días de retraso
}
no-date-agreed = sin fecha acordada
if-missed = Si no llega: { $what }.
details = Detalles
details-of = de { $what }
nothing-waiting = Nada le espera: no se necesita ninguna aceptación, decisión ni aportación por su parte.

## Resumen

overall-status = Estado general
details-of-overall = del estado general
waiting-for-you = Pendiente de usted
rated-by-lower = valorado por { $name }
no-status-report-yet = Aún no hay informe de situación.
status-in-recent-reports = Estado en los últimos informes
final-report = Informe final
latest-report = Último informe
kpi-table = Tabla de indicadores
measure = Indicador
trend = Tendencia
latest = Último
no-target = Sin objetivo
kpi-details = Detalle de indicadores
milestones-done = { $done } de { $total } hechos
milestones-tbc = { $n } con fecha por confirmar
due-lower = vence
no-update-since-lower = sin actualizar desde el
next = Próximos
all-milestones-done = Todos los hitos están hechos.
all-milestones = Todos los hitos
next-steering-review = Próximo comité de dirección
change-requests = Solicitudes de cambio
awaiting-your-decision = Pendientes de su decisión
change-log = Registro de cambios
percent-used = { $percent } usado
budget-details = Detalle del presupuesto
needs-attention = Requiere atención
owner-colon = Responsable:
decisions-awaited = Decisiones pendientes
engagement = Encargo
start-not-recorded = Inicio no registrado
state = Situación
paused = En pausa
fees = Honorarios
a-day = { $amount } al día
stay-up-to-date = Manténgase al día
subscribe-calendar = Suscribirse al calendario
subscribe-calendar-text = de hitos y comités: su aplicación de calendario añade las nuevas fechas en cuanto se acuerdan.
download-it = Descargarlo
instead = en su lugar.
calendar-link = Calendario de hitos y comités
calendar-text = añada su dirección a su aplicación de calendario para seguir los cambios.
feed-link = Canal de informes de situación
feed-text = añádalo a un lector de canales para enterarse de cada nuevo informe.
data-link = Los datos de este portal
data-text = para sus propias herramientas.
whos-who = Quién es quién
print-pack-text = esta situación, cada sección y el último informe como un único documento para imprimir o guardar como PDF.
your-team = Su equipo
our-team = Nuestro equipo

## Páginas

time-in-all = { $total } en total: { $billable } facturables, { $unbilled } sin facturar.
hours-per-week-count = Horas por semana ({ $n })
budget-lede = Lo que ha costado el encargo hasta ahora, frente a lo acordado, según el tiempo registrado y las facturas emitidas.
time-and-materials = Por administración
spent-to-date = Gastado hasta la fecha
percent-of-cap = { $percent } del tope
over-the-cap = por encima del tope
remaining = Restante
cap = Tope
cap-raised = { $amount } acordados, ampliados por cambios aprobados
forecast-at-completion = Previsión al finalizar
beyond-the-cap = por encima del tope
recent-rate = Al ritmo reciente de { $amount } por semana (las cuatro últimas semanas)
milestones-done-label = Hitos hechos
spending-ahead = el gasto va por delante del avance
changes-raising-cap = Cambios aprobados que amplían el tope
approved-lower = aprobado el
unpriced-rows = { $n ->
    [one] { $n } entrada facturable aún no tiene tarifa y no se cuenta.
   *[other] { $n } entradas facturables aún no tienen tarifa y no se cuentan.
}
burnup-caption = Gastado (línea continua) frente al gasto previsto (discontinua, uniforme de principio a fin), el tope (escalones discontinuos) y la previsión (punteada).
spending-per-week = Gasto por semana
week-of = Semana del
billable-hours = Horas facturables
spent = Gastado
to-date-total = Acumulado
planned-to-date = Previsto a la fecha
retainer = Iguala mensual
retainer-terms = { $hours } al mes por { $fee }; hasta { $rollover } sin usar pasan al mes siguiente
retainer-overage = las horas extra cuestan { $rate } cada una
hours-used = { $used } de { $available } horas usadas
recent-months = Últimos meses
hours-of-short = { $used } de { $available } h
hours-over-short = +{ $n } h de exceso
retainer-months = Meses de la iguala
hours-per-month = Horas por mes
month = Mes
included = Incluidas
carried-in = Arrastre recibido
used = Usadas
over = Exceso
carried-out = Arrastre al siguiente
billed = Facturado
time-recorded = Tiempo registrado
hours-per-week = Horas por semana
invoices = Facturas
invoiced-paid-outstanding = Facturado { $billed }, pagado { $paid }, pendiente { $outstanding }.
invoices-exceed-cap = Las facturas superan el tope de { $amount }.
invoice-was-due = La factura { $number } ({ $amount }) vencía el
and-is-days-overdue = { $n ->
    [one] y lleva { $n } día de retraso.
   *[other] y lleva { $n } días de retraso.
}
invoice-table = Tabla de facturas
number = Número
period = Periodo
issued = Emitida
amount = Importe
hours-per-task = Horas por tarea
task = Tarea
hours-per-role = Horas por rol
role = Rol
hours-per-person = Horas por persona
person = Persona
sla-lede = Los niveles de servicio acordados, el resultado de cada periodo frente a su objetivo y, para cada incumplimiento, qué lo causó y qué se hizo.
last-period = último periodo
results-of = Resultados de { $name }
achieved = Logrado
breaches = Incumplimientos
met = Cumplido
missed = Incumplido
breaches-in = Incumplimientos en { $period }
cause = Causa:
cause-unknown = aún no determinada
remedy = Solución:
remedy-unknown = aún no acordada
no-results-yet = Aún no hay resultados.
pack-lede-1 = Dónde está el encargo a
pack-lede-2 = con sus hitos, indicadores, cambios, riesgos y decisiones y el último informe, como un único documento. Imprímalo o guárdelo como PDF con el comando Imprimir de su navegador.
pack-prepared = Preparado para { $client } por { $agency }. Confidencial: solo para { $client }; por favor, no lo reenvíe.
where-things-stand = Dónde estamos
overall-status-colon = Estado general:
no-status-report-yet-lower = aún no hay informe de situación
raid-title = Riesgos, problemas y decisiones
raid-risks = Riesgos
raid-assumptions = Supuestos
raid-issues = Problemas
raid-dependencies = Dependencias
draft = Borrador
draft-text = aún no publicado; lo que dice puede cambiar.
status-report = Informe de situación
overall = General
rated-by = Valorado por { $name }
other-reports = Otros informes
previous-report = Informe anterior
next-report = Informe siguiente
status-reports = Informes de situación
deliverables-table = Tabla de entregables
deliverable = Entregable
accepted-when = Aceptado cuando
not-included = No incluido
assumptions = Supuestos
what-we-need = Lo que necesitamos de usted
background = Contexto
kpis-lede = Las medidas del éxito, con cada medición tomada hasta ahora. Cada una indica si se acordó con usted o es una medida propia.
changes-lede = Cada solicitud para cambiar lo acordado: quién la pidió, cuánto cuesta en tiempo y dinero, y si se aprobó.

## La página de bloqueo de un portal protegido

private-portal = Portal privado de cliente
lock-lede = { $agency } comparte aquí la situación de los proyectos con sus clientes: informes, hitos y decisiones. Este portal está cifrado y solo pueden abrirlo quienes han recibido su contraseña.
lock-noscript = Su navegador tiene JavaScript desactivado. El portal se descifra en su navegador, así que necesita JavaScript para abrirse: actívelo para este sitio y vuelva a cargar la página.
password = Contraseña
remember-device = Recordar en este dispositivo
open-portal = Abrir el portal
no-password = ¿No tiene contraseña?
ask-contact = Pregunte a su contacto en { $agency }
or-write-to = o escriba a
password-local = Su contraseña se comprueba en este navegador: nada de lo que escriba aquí se envía a ninguna parte.
unlock-opening = Abriendo…
unlock-wrong-password = Esa contraseña no ha abierto el portal. Compruébela e inténtelo de nuevo.
unlock-bad-link = Este enlace está incompleto o dañado. Introduzca su contraseña en su lugar.
unlock-misplaced = No se pudo abrir esta página: lo que hay en esta dirección no corresponde aquí. Puede que se haya movido o alterado; por favor, avise a { $agency }.
unlock-no-crypto = Este navegador no puede descifrar el portal desde aquí. Ábralo por https o en otro navegador.
unlock-attachment-failed = No se pudo descargar el adjunto. Vuelva a cargar la página e inténtelo de nuevo.
log-out = Cerrar sesión

## Palabras que calculan las vistas

no-forecast = Sin previsión
on-plan = Según lo previsto
later-than-agreed = { $span } más tarde de lo acordado
against-original = { $span } frente a la fecha original
span-overdue = { $span } de retraso
tolerance-band = Margen de tolerancia de { $low } a { $high }
near-target-down = Cerca del objetivo hasta { $value }
near-target-up = Cerca del objetivo hasta { $value }
higher-is-better = Cuanto más alto, mejor
lower-is-better = Cuanto más bajo, mejor
no-measurement-yet = Aún sin medición
near = Cerca
not-met = No cumplido
on-target = En objetivo
near-target = Cerca del objetivo
off-target = Fuera de objetivo
days-of-effort = { $n ->
    [one] { $n } día de esfuerzo
   *[other] { $n } días de esfuerzo
}
days-unit = días
owed-deemed = { $id } se considerará aceptado el { $date } sin su respuesta
owed-signoff-late = { $id } sigue abierto y el trabajo posterior espera
owed-decision-late = el trabajo que depende de ello espera
owed-change-late = el trabajo sigue como se acordó, sin este cambio
owed-change-late-milestones = { $n ->
    [one] { $ids } sigue planificado sin este cambio
   *[other] { $ids } siguen planificados sin este cambio
}
owed-dependency-late = el trabajo que espera por ello se retrasa
owed-risk-late = el riesgo sigue sin la respuesta acordada
owed-issue-late = el problema sigue abierto y su efecto crece
owed-assumption-late = el plan se apoya en un supuesto que nadie ha confirmado
withheld-because = Reservado: { $reason }
past-planned-end = { $span } después del fin previsto
starts-in = Empieza dentro de { $span }
scope-of-work = Alcance del trabajo
budget-card-spent = { $spent } de { $cap } gastado ({ $percent }), quedan { $remaining }.
budget-card-forecast = Previsión al finalizar: { $amount }.
budget-card-over = El gasto supera el tope.
budget-card-would-pass = Al ritmo reciente, el gasto superaría el tope.
budget-card-retainer = { $month }: { $used } de { $available } horas usadas ({ $included } incluidas, { $carried } arrastradas).
budget-card-retainer-over = { $hours } horas por encima de la iguala este mes.
budget-card-time = { $total } registradas, { $billable } facturables.
budget-card-invoiced = Facturado { $billed }, pagado { $paid }.
hours-count = { $n ->
    [one] { $n } hora
   *[other] { $n } horas
}
budget-card-invoice-overdue = La factura { $number } ({ $amount }) vencía el { $date } y está pendiente.
sla-card-met = { $period }: { $met } de { $n ->
    [one] { $n } nivel de servicio cumplido
   *[other] { $n } niveles de servicio cumplidos
}.
sla-card-missed = Incumplido: { $name }, { $achieved } frente a un objetivo de { $target }.

## Gráficos

quarter = T{ $quarter } { $year }
spark-from-to = { $name }: de { $first } a { $last }
spark-with-target = { $text }, objetivo { $target }
spark-no-measurements = { $name }: aún sin mediciones
chart-over-time-target = { $name } en el tiempo frente a un objetivo de { $target }
chart-over-time = { $name } en el tiempo
burnup-title = Presupuesto gastado en el tiempo: { $spent } de un tope de { $cap }
burnup-title-forecast = { $text }, previsión { $amount } al finalizar
timeline-baseline = línea base
timeline-done = hecho
timeline-overdue = previsión, con retraso
timeline-forecast = previsión
timeline-point = { $id }: { $what } { $date }
timeline-late-no-forecast = con retraso, sin previsión
colon = {": "}
list-separator = {"; "}
timeline-title = Cronología de hitos: fechas base y previstas, a { $date }

## Canal y calendario

feed-title = { $client }: informes de situación
calendar-title = { $client }: hitos
calendar-status-overdue = { $status }, con retraso
calendar-agreed = Fecha acordada: { $date }.
calendar-originally = Originalmente { $date } (movido por cambios aprobados).
calendar-done-on = Hecho el { $date }.
calendar-forecast = Previsión: { $date } ({ $days } frente al plan).
steering-review = Comité de dirección
calendar-review = Comité de dirección de { $client }, cada { $n } días.
calendar-on-plan = Según lo previsto.
calendar-no-forecast = Sin previsión.

## Palabras del modelo

label-on-track = En buen camino
label-at-risk = En riesgo
label-off-track = Desviado
label-not-assessed = Sin valorar
label-withheld = Reservado
label-planned = Planificado
label-in-progress = En curso
label-blocked = Bloqueado
label-done = Hecho
label-accepted = Aceptado
label-rejected = Rechazado
label-awaiting-decision = Pendiente de decisión
label-proposed = Propuesto
label-approved = Aprobado
label-withdrawn = Retirado
label-open = Abierto
label-escalated = Escalado
label-closed = Cerrado
label-low = Baja
label-medium = Media
label-high = Alta
label-critical = Crítica
label-decided = Decidido
label-draft = Borrador
label-sent = Enviada
label-awaiting-payment = Pendiente de pago
label-paid = Pagada
label-fixed-price = Precio cerrado
label-time-and-materials-day-rate = Por administración (tarifa diaria)
label-monthly-fee = Cuota mensual
label-retainer = Iguala mensual
label-no-fee = Sin honorarios
label-other-arrangement = Otro acuerdo
label-sign-off = Aceptación
label-decision = Decisión
label-change-request = Solicitud de cambio
label-dependency = Dependencia
label-risk = Riesgo
label-issue = Problema
label-assumption = Supuesto

## Plantillas de portico new report y portico init

report-title = Informe de situación, { $date }
report-progress = Avance
report-next-steps = Próximos pasos
report-asks-of = Peticiones a { $client }
report-was-due = vencía el { $date } ({ $overdue }); explique qué pasa ahora
report-needed-by = necesaria antes del { $date }
report-requested-by = solicitado el { $date } por { $name }
scope-why = Por qué este trabajo
report-due-before-next = Hitos que vencen antes del próximo informe ({ $date })
report-needing-attention = Riesgos y problemas que requieren atención
report-awaiting-you = Decisiones y solicitudes de cambio pendientes de usted
report-checklist-from = Lista de comprobación del informe del { $date }
report-checklist = Lista de comprobación

## Meetings
nav-meetings = Reuniones
meetings-calendar-intro = Añada estas reuniones a su calendario
meetings-calendar-intro-text = , a sus horas.
coming-up = Próximas
no-meeting-scheduled = Aún no hay ninguna reunión programada.
past-meetings = Reuniones anteriores
meeting-with = Con
meeting-agenda = Orden del día
meeting-minutes = Acta
meeting-draft = Borrador
no-minutes-yet = Aún no se ha publicado el acta.
decisions-taken = Decisiones tomadas
meeting-actions = Acciones
no-owner-named = Sin responsable
action-done = hecho el
review-planned = Prevista { $every }; aún sin programar.
every-weeks = { $n ->
    [one] cada semana
   *[other] cada { $n } semanas
}
every-days = { $n ->
    [one] cada día
   *[other] cada { $n } días
}
label-steering-review = Comité de dirección
label-check-in = Seguimiento
label-workshop = Taller
label-meeting = Reunión
label-action-from = Acción de
calendar-link-milestones = Calendario de hitos
subscribe-calendar-text-milestones = de hitos: su aplicación de calendario añade las nuevas fechas en cuanto se acuerdan.
subscribe-meetings = Suscribirse al calendario de reuniones
subscribe-meetings-text = , a sus horas en su aplicación de calendario.
meetings-calendar-link = Calendario de reuniones
meetings-calendar-text = , a sus horas: añada su dirección a su aplicación de calendario para seguir los cambios.
