using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Campaigns;

internal sealed class CampaignsOptionsValidator : IValidateOptions<CampaignsOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignsOptions options) =>
        options.MaxAttachmentBytes is < 1024 or > 50 * 1024 * 1024
            ? ValidateOptionsResult.Fail($"Campaigns:MaxAttachmentBytes must be between 1024 and 52428800 (50 MB; mail servers refuse larger messages); it is {options.MaxAttachmentBytes}.")
            : ValidateOptionsResult.Success;
}
