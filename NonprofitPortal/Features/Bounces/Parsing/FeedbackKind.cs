namespace NonprofitPortal.Features.Bounces.Parsing;

public enum FeedbackKind
{
    Bounce,
    Complaint,
}
