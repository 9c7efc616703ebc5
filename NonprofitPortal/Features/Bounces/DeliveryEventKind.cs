namespace NonprofitPortal.Features.Bounces;

/// <summary>What a mailbox, a provider or a recipient told us about a message after it was sent.</summary>
public enum DeliveryEventKind
{
    /// <summary>The address will not take mail (5.x.x): the nonprofit is suppressed at once.</summary>
    HardBounce = 0,

    /// <summary>A temporary failure (4.x.x): counted towards <c>Bounces:SoftBounceLimit</c>.</summary>
    SoftBounce = 1,

    /// <summary>The recipient marked the message as spam (a feedback-loop report): the nonprofit is opted out.</summary>
    Complaint = 2,

    /// <summary>The recipient used the message's unsubscribe link.</summary>
    Unsubscribe = 3,
}
