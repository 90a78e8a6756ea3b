"""The staff side: requests, their parts, decisions, clock events, documents and reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from foidesk.core.costs import Activity
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.core.workflow import OPEN_STATES, State
from foidesk.render.letter_passages import Passage

REGIME_CHOICES = [(r.value, r.label) for r in Regime]
OUTCOME_CHOICES = [(o.value, o.label) for o in Outcome]
STATE_CHOICES = [(s.value, s.label) for s in State]
OPEN_STATE_VALUES = sorted(s.value for s in OPEN_STATES)


class Channel(models.TextChoices):
    WEB = "web", "Web form"
    EMAIL = "email", "Email"
    POST = "post", "Post"
    API = "api", "API"


class Request(models.Model):
    """A request for information, from intake to response (DESIGN.md "Request")."""

    reference = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=300, blank=True)
    regime = models.CharField(max_length=10, choices=REGIME_CHOICES, default=Regime.FOIA.value)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    received_on = models.DateField()
    text = models.TextField()
    requester_name = models.CharField(max_length=200)
    requester_email = models.EmailField(blank=True)
    requester_address = models.TextField(blank=True)
    status = models.CharField(
        max_length=30,
        choices=STATE_CHOICES,
        default=State.RECEIVED.value,
        db_index=True,
        help_text="Set only by the workflow service (core/workflow.py).",
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every change: a stale form gets a conflict, not a silent overwrite."
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
    )
    due_on = models.DateField(help_text="Statutory response date, recomputed by the clock on every event.")
    extended_due_on = models.DateField(null=True, blank=True)
    calendar_version = models.CharField(max_length=40, blank=True)
    responded_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day the response was sent: the clock and statistics count to it.",
    )
    ended_on = models.DateField(null=True, blank=True, help_text="Closed, withdrawn or lapsed on this day.")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    validity_flags = models.JSONField(
        default=list, blank=True, help_text="Why the request may not be valid under s.8 FOIA (no name...)."
    )
    public_text = models.TextField(
        blank=True, help_text="The request as it will be published: requester and third parties removed."
    )
    public_text_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_text_reviewed_at = models.DateTimeField(null=True, blank=True)
    publication_note = models.TextField(blank=True, help_text="Why it was not published, or withdrawn.")
    requester_erased_at = models.DateTimeField(
        null=True, blank=True, help_text="When the requester's personal data were erased (retention)."
    )
    is_synthetic = models.BooleanField(default=False, help_text="Demonstration data, not a real request.")
    fingerprint = models.JSONField(
        default=list, blank=True, help_text="MinHash of the normalised text, for repeats and round-robins."
    )
    publication = models.OneToOneField(
        "publication.Publication", null=True, blank=True, on_delete=models.SET_NULL, related_name="request"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "reference"]
        indexes = [models.Index(fields=["status", "due_on"], name="request_status_due_idx")]
        permissions = [
            ("record_decision", "Can record decisions on parts"),
            ("approve_release", "Can approve a response and its documents for release"),
            ("view_statistics", "Can view performance statistics"),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return f"/staff/cases/{self.reference}/"

    @property
    def state(self) -> State:
        return State(self.status)

    @property
    def response_working_days(self) -> int:
        """The time for the response under the request's regime (s.10(1) FOIA, reg 5(2) EIR, ...)."""
        return Regime(self.regime).rules.clock.response_working_days

    @property
    def is_open(self) -> bool:
        return self.state.is_open

    @property
    def via_whatdotheyknow(self) -> bool:
        return self.requester_email.lower().endswith("@whatdotheyknow.com")


class RequestLink(models.Model):
    """A relation between two requests found at intake or by an officer."""

    class Kind(models.TextChoices):
        DUPLICATE = "duplicate", "Duplicate"
        REPEAT = "repeat", "Repeated request (s.14(2))"
        ROUND_ROBIN = "round_robin", "Round-robin"
        AGGREGATED = "aggregated", "Aggregated for the cost limit (reg 5)"

    from_request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="links")
    to_request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    score = models.FloatField(null=True, blank=True)
    confirmed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["from_request", "to_request", "kind"], name="unique_request_link")
        ]


class ClockEvent(models.Model):
    """Something that moves the statutory clock: clarification, fee, extension (core/clock.py)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(max_length=40)
    on = models.DateField()
    days = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]


class Part(models.Model):
    """One numbered question of a request ("Request 2, Q1")."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="parts")
    position = models.PositiveSmallIntegerField()
    request_number = models.PositiveSmallIntegerField(null=True, blank=True)
    question_number = models.PositiveSmallIntegerField(null=True, blank=True)
    label = models.CharField(max_length=60)
    text = models.TextField()
    date_ranges = models.JSONField(default=list, blank=True)
    topics = models.JSONField(default=list, blank=True)
    flags = models.JSONField(default=list, blank=True)
    why = models.CharField(
        max_length=120,
        blank=True,
        help_text='Why the parser split the request here ("numbered 2)"); empty once corrected.',
    )
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["request", "position"]
        constraints = [models.UniqueConstraint(fields=["request", "position"], name="unique_part_position")]

    def __str__(self) -> str:
        return f"{self.request.reference} {self.label}"


class Decision(models.Model):
    """What was decided for one part (DESIGN.md "Decision")."""

    part = models.OneToOneField(Part, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=30, choices=OUTCOME_CHOICES, default=Outcome.UNDECIDED.value)
    answer = models.TextField(
        blank=True, help_text="The answer given for this part, as it appears in the letter."
    )
    s21_publication = models.ForeignKey(
        "publication.Publication", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    s21_url = models.URLField(blank=True)
    s21_title = models.CharField(max_length=300, blank=True)
    advice = models.TextField(blank=True, help_text="Advice and assistance given under s.16.")
    # s.12: the estimate item by item, [{"activity": "locate", "hours": "12.5", "description": "..."}]
    # (core/costs.py Activity values); empty unless the outcome is the cost limit.
    cost_items = models.JSONField(default=list, blank=True)
    # s.17(2): while a public interest test is still open, the date by which a decision is expected.
    public_interest_decision_due = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Bumped on every save: stale forms conflict.")

    def __str__(self) -> str:
        return f"{self.part}: {self.get_outcome_display()}"

    @property
    def cost_lines(self) -> list[str]:
        """The s.12 estimate in words, one line per activity, for the case page."""
        labels = {a.value: a.label for a in Activity}
        return [f"{labels.get(i['activity'], i['activity'])}: {i['hours']} hours" for i in self.cost_items]


class DecisionExemption(models.Model):
    """An exemption relied on for a part, with the reasons s.17(1) and (3) require."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="exemptions")
    code = models.CharField(max_length=40, help_text='As cited, e.g. "s.40(2)" (core/exemptions.py).')
    reasons = models.TextField()
    public_interest_for = models.TextField(blank=True)
    public_interest_against = models.TextField(blank=True)
    public_interest_conclusion = models.TextField(blank=True)
    # s.17(4): the reasons are left out of the letter because stating them would reveal exempt information.
    reasons_would_disclose = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "code"], name="unique_decision_exemption")]

    def __str__(self) -> str:
        return self.code


def document_path(instance: Document, filename: str) -> str:
    return f"cases/{instance.request.reference}/{filename}"


class Document(models.Model):
    """A letter or attachment of a response; it leaves only through the release gate.

    An uploaded file may wait for its check in the background (queued, then checking): until the
    verdict is recorded it is neither approved, sent nor published (fail closed).
    """

    class Kind(models.TextChoices):
        LETTER = "letter", "Letter"
        ATTACHMENT = "attachment", "Attachment"

    class CheckStatus(models.TextChoices):
        UNCHECKED = "unchecked", "Not checked"
        QUEUED = "queued", "Waiting to be checked"
        CHECKING = "checking", "Being checked"
        CLEAN = "clean", "Clean"
        WARN = "warn", "Warnings"
        BLOCK = "block", "Blocked"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ATTACHMENT)
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=document_path, max_length=300)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    check_status = models.CharField(max_length=20, choices=CheckStatus.choices, default=CheckStatus.UNCHECKED)
    findings = models.JSONField(default=list, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(
        max_length=64,
        blank=True,
        help_text="The background task that checks it, if its check was queued for the worker.",
    )
    checked_with = models.CharField(
        max_length=64,
        blank=True,
        help_text="The release gate's rules, readers and limits its verdict was reached with "
        "(core/release_check/fingerprint.py): the verdict is relied on only while they are the same.",
    )
    check_started_at = models.DateTimeField(
        null=True, blank=True, help_text="When the background worker began its release check."
    )
    override_reason = models.TextField(blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["request", "kind", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def check_pending(self) -> bool:
        """Whether its release check is still queued or running: it may not leave yet."""
        return self.check_status in {self.CheckStatus.QUEUED, self.CheckStatus.CHECKING}


class Review(models.Model):
    """An internal review of a response (its own clock: core/clock.review_deadlines)."""

    class ReviewOutcome(models.TextChoices):
        PENDING = "pending", "Pending"
        UPHELD = "upheld", "Original response upheld"
        PARTLY_UPHELD = "partly_upheld", "Partly upheld"
        OVERTURNED = "overturned", "Overturned"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="reviews")
    requested_on = models.DateField()
    due_on = models.DateField()
    latest_due_on = models.DateField(null=True, blank=True, help_text="The longest the ICO accepts (40 WD).")
    grounds = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices, default=ReviewOutcome.PENDING)
    reasons = models.TextField(blank=True)
    decisions = models.ManyToManyField(
        Decision, blank=True, related_name="reviews", help_text="The decisions the review changed."
    )
    decided_on = models.DateField(null=True, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["requested_on", "id"]

    def __str__(self) -> str:
        return f"Internal review of {self.request.reference} ({self.requested_on})"


class Appeal(models.Model):
    """A complaint to the regulator (s.50 FOIA / s.47 FOISA), its decision notice, and any tribunal appeal."""

    class Stage(models.TextChoices):
        ICO_COMPLAINT = "ico_complaint", "Complaint to the regulator"
        DECISION_NOTICE = "decision_notice", "Decision notice"
        TRIBUNAL = "tribunal", "Tribunal appeal"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="appeals")
    review = models.ForeignKey(Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    regulator = models.CharField(max_length=120, blank=True)
    external_reference = models.CharField(max_length=60, blank=True)
    received_on = models.DateField()
    due_on = models.DateField(null=True, blank=True, help_text="What must happen by when at this stage.")
    outcome = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} about {self.request.reference}"


class Answer(models.Model):
    """A part answered from the authority's records: the query and its protected table.

    Only the protected (released) values are stored: the unprotected table is never kept with a
    document (DESIGN.md "Answer"). ``report`` is the suppression report, with the audit's verdict.

    The disclosure check (count, protection, joint audit with the ledger) runs as a background task:
    until ``status`` is PASSED the answer has no table and is not releasable.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        CHECKING = "checking", "Checking"
        PASSED = "passed", "Passed"
        REFUSED = "refused", "Refused"
        TIMED_OUT = "timed_out", "Timed out"

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="answers")
    status = models.CharField(max_length=12, choices=Status.choices)
    task_id = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="The background task that checks it, if it ran in the background.",
    )
    dataset = models.CharField(max_length=60)
    query = models.JSONField(help_text="The query as asked: dimensions, period and conditions.")
    description = models.TextField(help_text="The query in a sentence, for the notes of the attachment.")
    row_dimension = models.CharField(max_length=120)
    column_dimension = models.CharField(max_length=120, blank=True)
    row_labels = models.JSONField()
    column_labels = models.JSONField()
    display_cells = models.JSONField(help_text='Released values as text, "[c]" where suppressed.')
    report = models.JSONField()
    audit_passed = models.BooleanField()
    threshold = models.PositiveSmallIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["part", "id"]

    def __str__(self) -> str:
        return f"{self.part}: {self.description[:60]}"

    @property
    def finished(self) -> bool:
        """Whether the disclosure check is over (passed or not); the status page stops refreshing."""
        return self.status not in {self.Status.QUEUED, self.Status.CHECKING}

    @property
    def releasable(self) -> bool:
        return self.status == self.Status.PASSED and self.audit_passed

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """(row label, display cells) pairs, for templates."""
        return list(zip(self.row_labels, self.display_cells, strict=True))


class LedgerEntry(models.Model):
    """A table that has left the building (core/sdc/ledger.py): protected values only, never the true counts.

    Every new table over the same dataset is audited jointly with these, so that differencing two
    releases cannot reveal a small count.
    """

    dataset = models.CharField(max_length=60, db_index=True)
    answer = models.OneToOneField(
        Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="ledger"
    )
    reference = models.CharField(max_length=60)
    released_on = models.DateField()
    entry = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["released_on", "id"]

    def __str__(self) -> str:
        return f"{self.dataset} {self.reference} ({self.released_on})"


class ReferenceCounter(models.Model):
    """The last number given for a reference prefix; locked while the next one is taken."""

    prefix = models.CharField(max_length=40, unique=True)
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}: {self.last}"


class Delivery(models.TextChoices):
    """Where a message to a requester is: waiting for the mail server, accepted by it, or refused."""

    QUEUED = "queued", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Not sent yet: the mail server refused it"


class SentEmail(models.Model):
    """A message FOI Desk sent (acknowledgement, response, letters): what left, to whom, and when."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement"
        RESPONSE = "response", "Response"
        CLARIFICATION = "clarification", "Request for clarification"
        FEE_NOTICE = "fee_notice", "Fees notice"
        REVIEW = "review", "Internal review outcome"

    request = models.ForeignKey(
        Request, null=True, blank=True, on_delete=models.SET_NULL, related_name="sent_emails"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    to = models.CharField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    attachments = models.JSONField(default=list, blank=True, help_text="[{filename, size, sha256}]")
    sent_at = models.DateTimeField(auto_now_add=True, help_text="When the change it belongs to was made")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The outbox (web/cases/outbox.py): the message is recorded with the change it belongs to and handed
    # to the mail server after the commit, at least once, always under the same Message-ID.
    status = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.QUEUED)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    message = models.BinaryField(
        default=b"", blank=True, help_text="The whole message (RFC 5322) until the mail server accepts it"
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [
            models.Index(fields=["status"], name="sentemail_undelivered", condition=~models.Q(status="sent"))
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to}"


def inbound_path(instance: InboundEmail, filename: str) -> str:
    return f"inbound/{instance.received_at:%Y/%m}/{filename}"


class InboundEmail(models.Model):
    """A message that arrived (uploaded .eml or the IMAP mailbox): the raw bytes are kept whatever happens."""

    class Source(models.TextChoices):
        UPLOAD = "upload", "Uploaded by staff"
        IMAP = "imap", "Mailbox"

    class ParseStatus(models.TextChoices):
        OPENED = "opened", "Opened as a case"
        FAILED = "failed", "Could not be read"
        IGNORED = "ignored", "Not a request"

    source = models.CharField(max_length=10, choices=Source.choices)
    raw = models.FileField(upload_to=inbound_path, max_length=300)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField()
    received_at = models.DateTimeField()
    message_id = models.CharField(max_length=998, blank=True, db_index=True)
    from_name = models.CharField(max_length=200, blank=True)
    from_address = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=998, blank=True)
    body = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    attachments = models.JSONField(
        default=list, blank=True, help_text="[{filename, size, sha256, content_type}]"
    )
    status = models.CharField(max_length=10, choices=ParseStatus.choices)
    error = models.TextField(blank=True)
    request = models.ForeignKey(
        Request, null=True, blank=True, on_delete=models.SET_NULL, related_name="inbound_emails"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.subject or f"message {self.pk}"


class SavedFilter(models.Model):
    """A case-list filter a member of staff saved under a name (its validated query string)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters")
    name = models.CharField(max_length=80)
    query = models.CharField(max_length=1000, blank=True, help_text="Known filter keys only, URL-encoded.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="unique_saved_filter_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/staff/cases/?{self.query}" if self.query else "/staff/cases/"


class LetterPassage(models.Model):
    """The authority's own wording of one passage of its response letters (render/letter_passages.py).
    Changed only through ``services.letter_passage_set``, which checks its placeholders and audits it."""

    passage = models.CharField(max_length=20, choices=[(p.value, p.label) for p in Passage], unique=True)
    text = models.TextField(
        help_text="Placeholders in braces, e.g. {reference}; the page lists those allowed."
    )
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return Passage(self.passage).label


class PublicSubmission(models.Model):
    """One sending of the public request form, by the one-time token the form carried (post-redirect-get).

    Pressing "Send" twice, or the browser re-posting, finds the token already used and shows the first
    case's confirmation instead of opening a second case.
    """

    token = models.CharField(max_length=64, unique=True)
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"public form submission for {self.request_id}"
