namespace NonprofitPortal.Features.Sending;

public enum MailTransportKind
{
    /// <summary>One .eml file per message in <see cref="MailOptions.PickupDirectory"/>: needs nothing installed.</summary>
    Pickup,
    Smtp,
}
