//! `invoices.yaml`: what was billed, when it is due, and whether it was paid.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Money};

/// One invoice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    /// The invoice number as printed on it, e.g. `2026-014`.
    pub number: String,
    /// Date of issue.
    pub date: Date,
    /// Payment due date.
    pub due: Date,
    /// Amount billed, in the engagement's currency.
    pub amount: Money,
    /// Where it stands.
    pub status: InvoiceStatus,
    /// When it was paid, for `paid`.
    #[serde(default)]
    pub paid_on: Option<Date>,
    /// What it covers, e.g. "November 2026".
    #[serde(default)]
    pub period: Option<String>,
}

impl Invoice {
    /// Sent, unpaid and past its due date on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status == InvoiceStatus::Sent && self.due < today
    }
}

/// Where an invoice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    /// Being prepared: never published.
    Draft,
    /// Sent to the client, not yet paid.
    Sent,
    /// Paid (`paid_on` says when).
    Paid,
}

impl InvoiceStatus {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            InvoiceStatus::Draft => "Draft",
            InvoiceStatus::Sent => "Awaiting payment",
            InvoiceStatus::Paid => "Paid",
        }
    }
}
