using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using MusicCollective.Api.V1;
using MusicCollective.Domain.Ledger;
using MusicCollective.Domain.Monetary;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Mapping;
using MusicCollective.ReadModel;

namespace MusicCollective.Grpc.Services;

/// <summary>
/// AccountService: balances and ledger entries from the SQL read model of the ledger. A member reads their own;
/// treasurers and admins read everyone's and check the whole ledger.
/// </summary>
[Authorize]
public sealed class AccountGrpcService(IReadModelStore readModel) : AccountService.AccountServiceBase
{
    /// <inheritdoc />
    public override async Task<GetBalanceResponse> GetBalance(GetBalanceRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        AccessDenied.Unless(caller.IsOfficer || caller.IsMember(request.MemberId));
        RequestIds.Require((request.MemberId, "member_id"));
        var balances = await readModel.GetBalancesAsync(AccountId.Member(request.MemberId).Value, context.CancellationToken);
        var response = new GetBalanceResponse { MemberId = request.MemberId };
        response.Balances.AddRange(balances.Select(b => ProtoMoney.ToProto(b.Currency, b.AmountMinor)));
        return response;
    }

    /// <inheritdoc />
    public override async Task<ListEntriesResponse> ListEntries(ListEntriesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        AccessDenied.Unless(caller.IsOfficer || caller.IsMember(request.MemberId));
        RequestIds.Require((request.MemberId, "member_id"));
        var currency = string.IsNullOrEmpty(request.CurrencyCode) ? null : Currency.Of(request.CurrencyCode, "currency_code").Code;
        var page = await readModel.ListEntriesAsync(AccountId.Member(request.MemberId).Value, currency,
            Pages.SizeOf(request.PageSize), Pages.TokenOf(request.PageToken), context.CancellationToken);
        var response = new ListEntriesResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Entries.AddRange(page.Items.Select(ToProto));
        return response;
    }

    /// <inheritdoc />
    public override async Task<CheckLedgerResponse> CheckLedger(CheckLedgerRequest request, ServerCallContext context)
    {
        AccessDenied.Unless(Caller.From(context).IsOfficer);
        var check = await readModel.CheckLedgerAsync(context.CancellationToken);
        var response = new CheckLedgerResponse
        {
            Balanced = check.Balanced,
            TransactionCount = check.TransactionCount,
            PostingCount = check.PostingCount,
        };
        response.Totals.AddRange(check.Totals.Select(t => ProtoMoney.ToProto(t.Currency, t.AmountMinor)));
        return response;
    }

    private static LedgerEntry ToProto(LedgerEntryRow row) => new()
    {
        TransactionId = row.TransactionId,
        PostingIndex = row.Posting.PostingIndex,
        RecordTime = ProtoDates.ToProto(row.RecordTime),
        Account = row.Posting.Account,
        Amount = ProtoMoney.ToProto(row.Posting.Currency, row.Posting.AmountMinor),
        Rule = GigMapping.RuleFromName(row.Posting.Rule),
        Description = row.Posting.Description,
        Reference = row.Reference,
        PolicyName = row.Posting.PolicyName ?? "",
        PolicyVersion = row.Posting.PolicyVersion ?? 0,
        Role = row.Posting.Role ?? "",
        Weight = ProtoDecimals.Format(row.Posting.Weight),
        Percentage = ProtoDecimals.Format(row.Posting.Percentage),
        AllocationKey = row.Posting.AllocationKey ?? "",
    };
}
