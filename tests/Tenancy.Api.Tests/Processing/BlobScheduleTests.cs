using Tenancy.Local.Processing;

namespace Tenancy.Api.Tests.Processing;

/// <summary>One account's failing or slow files do not delay another account's import (local blob loop).</summary>
public class BlobScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static (string, string)[] Blobs(params string[] names) => names.Select(n => (n, "e1")).ToArray();

    [Fact]
    public void Another_accounts_file_starts_at_once_while_one_account_has_many_failing_files()
    {
        var schedule = new BlobSchedule();
        var listed = Blobs("accA/1.xlsx", "accA/2.xlsx", "accA/3.xlsx", "accA/4.xlsx", "accA/5.xlsx", "accB/1.xlsx");

        var first = schedule.Next(listed, T0);

        Assert.Equal(["accA/1.xlsx", "accB/1.xlsx"], first.Select(w => w.BlobName).Order());
    }

    [Fact]
    public void A_failing_file_waits_before_its_next_try_and_does_not_block_a_new_file_of_another_account()
    {
        var schedule = new BlobSchedule();
        var a = Assert.Single(schedule.Next(Blobs("accA/bad.xlsx"), T0));
        schedule.Finished(a, "boom", T0);

        var next = schedule.Next(Blobs("accA/bad.xlsx", "accB/good.xlsx"), T0.AddSeconds(0.5));

        Assert.Equal(["accB/good.xlsx"], next.Select(w => w.BlobName));
    }

    [Fact]
    public void An_account_with_many_files_takes_turns_with_the_others()
    {
        var schedule = new BlobSchedule(maxConcurrent: 1);
        var listed = Blobs("accA/1.xlsx", "accA/2.xlsx", "accA/3.xlsx", "accB/1.xlsx");
        var order = new List<string>();

        for (var i = 0; i < 4; i++)
        {
            var work = Assert.Single(schedule.Next(listed, T0));
            order.Add(work.BlobName);
            schedule.Finished(work, null, T0);
        }

        Assert.Equal(["accA/1.xlsx", "accB/1.xlsx", "accA/2.xlsx", "accA/3.xlsx"], order);
    }

    [Fact]
    public void A_file_that_keeps_failing_is_retried_with_growing_delays_then_given_up_with_its_last_error()
    {
        var schedule = new BlobSchedule();
        var now = T0;
        var delays = new List<double>();
        BlobSchedule.Work work = Assert.Single(schedule.Next(Blobs("accA/bad.xlsx"), now));
        for (var failure = 1; failure <= BlobSchedule.DefaultMaxAttempts; failure++)
        {
            schedule.Finished(work, $"error {failure}", now);
            var waited = 0.0;
            IReadOnlyList<BlobSchedule.Work> next;
            while ((next = schedule.Next(Blobs("accA/bad.xlsx"), now.AddSeconds(waited))).Count == 0) waited += 0.5;
            delays.Add(waited);
            now = now.AddSeconds(waited);
            work = Assert.Single(next);
        }

        Assert.Equal([2, 4, 8, 16, 32], delays);
        Assert.True(work.GiveUp);
        Assert.Equal("error 5", work.LastError);
        schedule.Finished(work, null, now);
        Assert.Empty(schedule.Next(Blobs("accA/bad.xlsx"), now.AddHours(1)));
    }

    [Fact]
    public void A_replaced_file_is_tried_afresh()
    {
        var schedule = new BlobSchedule();
        var work = Assert.Single(schedule.Next(Blobs("accA/f.xlsx"), T0));
        schedule.Finished(work, "boom", T0);

        var replaced = Assert.Single(schedule.Next([("accA/f.xlsx", "e2")], T0.AddSeconds(0.5)));

        Assert.Equal(0, replaced.Failures);
    }
}
