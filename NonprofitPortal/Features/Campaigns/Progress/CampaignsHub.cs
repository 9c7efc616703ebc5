using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Features.Campaigns.Progress;

/// <summary>Live campaign progress for scripts and other clients: <c>Watch(campaignId)</c>, then <c>progress</c> messages.</summary>
[Authorize(Policy = Permissions.CampaignsView)]
public sealed class CampaignsHub(CampaignService campaigns, CampaignProgressBroadcaster broadcaster) : Hub
{
    public const string Path = "/hubs/campaigns";
    public const string ProgressMessage = "progress";

    public async Task Watch(long campaignId)
    {
        if (await campaigns.ProgressAsync(campaignId, Context.ConnectionAborted) is null)
        {
            throw new HubException($"Campaign {campaignId} does not exist.");
        }

        await broadcaster.AddAsync(Context.ConnectionId, campaignId, Context.ConnectionAborted);
    }

    public Task Unwatch(long campaignId) => broadcaster.RemoveAsync(Context.ConnectionId, campaignId, Context.ConnectionAborted);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await broadcaster.ForgetAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
