namespace NonprofitPortal.Features.Sending;

/// <summary>A single message (an invitation, a test) that no server would take; the message says what they answered.</summary>
public sealed class MailNotSentException(string message, Exception? innerException = null) : Exception(message, innerException);
