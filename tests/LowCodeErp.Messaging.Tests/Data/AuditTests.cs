using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Data.Auditing;
using LowCodeErp.Data.SoftDelete;
using LowCodeErp.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Messaging.Tests.Data;

public abstract class AuditTests(TestDatabase database) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = await new ServiceCollection().AddShopContext(database.NewDatabase()).BuildWithDatabaseAsync();
        _services.SignIn("user-42", "Uma Underwriter");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Every_change_is_recorded_with_who_when_and_before_after_of_the_changed_properties()
    {
        var customer = new Customer { Name = "Acme", Email = "acme@example.com", ApiSecret = "s3cret" };
        await using (var db = NewContext())
        {
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = NewContext())
        {
            var stored = await db.Customers.SingleAsync(Cancel);
            stored.Name = "Acme Leasing";
            stored.ApiSecret = "rotated";
            await db.SaveChangesAsync(Cancel);
            db.Customers.Remove(stored);
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = NewContext();
        var trail = await check.ForEntityAsync(nameof(Customer), customer.Id.ToString(), Cancel);
        trail.Select(a => a.Action).Should().Equal(AuditActions.Created, AuditActions.Updated, AuditActions.Deleted);
        trail.Should().OnlyContain(a => a.UserId == "user-42" && a.UserName == "Uma Underwriter");
        trail.Should().OnlyContain(a => a.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5));

        var created = trail[0].Changes;
        created.GetProperty("Name").GetProperty("after").GetString().Should().Be("Acme");
        created.GetProperty("Email").GetProperty("before").ValueKind.Should().Be(JsonValueKind.Null);
        created.TryGetProperty(nameof(Customer.ApiSecret), out _).Should().BeFalse("[NotAudited] properties stay out");

        var updated = trail[1].Changes;
        updated.EnumerateObject().Select(p => p.Name).Should().Equal("Name");
        updated.GetProperty("Name").GetProperty("before").GetString().Should().Be("Acme");
        updated.GetProperty("Name").GetProperty("after").GetString().Should().Be("Acme Leasing");

        var deleted = trail[2].Changes;
        deleted.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("DeletedAt", "DeletedBy");
        deleted.GetProperty("DeletedBy").GetProperty("after").GetString().Should().Be("user-42");
    }

    [Fact]
    public async Task A_restore_is_recorded_as_Restored()
    {
        var customer = new Customer { Name = "Initech", Email = "initech@example.com" };
        await using (var db = NewContext())
        {
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Cancel);
            db.Customers.Remove(customer);
            await db.SaveChangesAsync(Cancel);
            customer.Restore();
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = NewContext();
        var trail = await check.ForEntityAsync(nameof(Customer), customer.Id.ToString(), Cancel);
        trail.Select(a => a.Action).Should().Equal(AuditActions.Created, AuditActions.Deleted, AuditActions.Restored);
        trail[2].Changes.GetProperty("DeletedAt").GetProperty("after").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Entities_with_database_generated_keys_are_audited_under_their_real_id()
    {
        var orders = new[] { new Order { Amount = 10m }, new Order { Amount = 20m } };
        await using (var db = NewContext())
        {
            db.Orders.AddRange(orders);
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = NewContext();
        foreach (var order in orders)
        {
            var trail = await check.ForEntityAsync(nameof(Order), order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);
            trail.Should().ContainSingle().Which.Changes.GetProperty("Amount").GetProperty("after").GetDecimal().Should().Be(order.Amount);
        }
    }

    [Fact]
    public async Task The_synchronous_SaveChanges_audits_generated_keys_and_soft_deletes_too()
    {
        var order = new Order { Amount = 30m };
        await using (var db = NewContext())
        {
            db.Orders.Add(order);
#pragma warning disable CA1849 // the synchronous path is the subject of this test
            db.SaveChanges();
            db.Orders.Remove(order);
            db.SaveChanges();
#pragma warning restore CA1849
        }

        await using var check = NewContext();
        var trail = await check.ForEntityAsync(nameof(Order), order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);
        trail.Select(a => a.Action).Should().Equal(AuditActions.Created, AuditActions.Deleted);
        (await check.Orders.IncludingDeleted().SingleAsync(Cancel)).DeletedBy.Should().Be("user-42");
    }

    [Fact]
    public async Task A_physical_delete_records_the_values_before()
    {
        var note = new Note { Text = "call back" };
        await using (var db = NewContext())
        {
            db.Notes.Add(note);
            await db.SaveChangesAsync(Cancel);
            db.Notes.Remove(note);
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = NewContext();
        var trail = await check.ForEntityAsync(nameof(Note), note.Id.ToString(), Cancel);
        trail.Select(a => a.Action).Should().Equal(AuditActions.Created, AuditActions.Deleted);
        trail[1].Changes.GetProperty("Text").GetProperty("before").GetString().Should().Be("call back");
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_neither_the_change_nor_its_audit()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Customers.Add(new Customer { Name = "Ghost", Email = "ghost@example.com" });
            db.Orders.Add(new Order { Amount = 1m }); // a deferred (generated-key) audit joins the caller's transaction
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        await using var check = NewContext();
        (await check.Set<AuditEntry>().CountAsync(Cancel)).Should().Be(0);
        (await check.Customers.IgnoreQueryFilters().CountAsync(Cancel)).Should().Be(0);
        (await check.Orders.IgnoreQueryFilters().CountAsync(Cancel)).Should().Be(0);
    }

    [Fact]
    public async Task A_failed_save_writes_no_audit_entries()
    {
        await using (var db = NewContext())
        {
            db.Customers.Add(new Customer { Name = "First", Email = "same@example.com" });
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = NewContext())
        {
            db.Orders.Add(new Order { Amount = 5m });
            db.Customers.Add(new Customer { Name = "Second", Email = "same@example.com" }); // unique index violation
            var save = () => db.SaveChangesAsync(Cancel);
            await save.Should().ThrowAsync<DbUpdateException>();
        }

        await using var check = NewContext();
        (await check.Set<AuditEntry>().Select(a => a.EntityType).ToListAsync(Cancel)).Should().Equal(nameof(Customer));
        (await check.Orders.CountAsync(Cancel)).Should().Be(0);
    }

    [Fact]
    public async Task Changes_without_a_signed_in_user_are_recorded_without_one()
    {
        _services.SignOut();
        var customer = new Customer { Name = "Batch", Email = "batch@example.com" };
        await using (var db = NewContext())
        {
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Cancel);
            db.Customers.Remove(customer);
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = NewContext();
        var trail = await check.ForEntityAsync(nameof(Customer), customer.Id.ToString(), Cancel);
        trail.Should().OnlyContain(a => a.UserId == null && a.UserName == null);
        (await check.Customers.IgnoreQueryFilters().SingleAsync(Cancel)).DeletedBy.Should().Be("system");
    }

    private ShopContext NewContext() => _services.CreateScope().ServiceProvider.GetRequiredService<ShopContext>();
}

public sealed class SqliteAuditTests(SqliteTestDatabase database) : AuditTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresAuditTests(PostgresTestDatabase database) : AuditTests(database), IClassFixture<PostgresTestDatabase>;
