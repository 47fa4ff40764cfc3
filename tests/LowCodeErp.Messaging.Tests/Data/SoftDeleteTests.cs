using FluentAssertions;
using LowCodeErp.Data.SoftDelete;
using LowCodeErp.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Messaging.Tests.Data;

public abstract class SoftDeleteTests(TestDatabase database) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _services = await new ServiceCollection().AddShopContext(database.NewDatabase()).BuildWithDatabaseAsync();
        _services.SignIn("user-7", "Ada Analyst");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Delete_marks_the_row_and_queries_no_longer_see_it()
    {
        var customer = await AddCustomerAsync("Acme");

        await using (var db = NewContext())
        {
            db.Customers.Remove(await db.Customers.SingleAsync(c => c.Id == customer.Id, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = NewContext();
        (await check.Customers.AnyAsync(c => c.Id == customer.Id, TestContext.Current.CancellationToken)).Should().BeFalse();
        var deleted = await check.Customers.IgnoreQueryFilters().SingleAsync(c => c.Id == customer.Id, TestContext.Current.CancellationToken);
        deleted.DeletedAt.Should().NotBeNull();
        deleted.DeletedBy.Should().Be("user-7");
        (await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM customers").SingleAsync(TestContext.Current.CancellationToken))
            .Should().Be(1, "nothing is physically removed");
    }

    [Fact]
    public async Task Restore_makes_a_deleted_entity_visible_again()
    {
        var customer = await AddCustomerAsync("Globex");
        await using (var db = NewContext())
        {
            db.Remove(await db.Customers.SingleAsync(c => c.Id == customer.Id, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = NewContext())
        {
            (await db.Customers.OnlyDeleted().SingleAsync(TestContext.Current.CancellationToken)).Restore();
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = NewContext();
        var restored = await check.Customers.SingleAsync(c => c.Id == customer.Id, TestContext.Current.CancellationToken);
        restored.DeletedAt.Should().BeNull();
        restored.DeletedBy.Should().BeNull();
    }

    [Fact]
    public async Task Deleting_an_entity_with_a_database_generated_key_marks_it_too()
    {
        int orderId;
        await using (var db = NewContext())
        {
            var order = new Order { Amount = 12.5m };
            db.Orders.Add(order);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            orderId = order.Id;
            db.Orders.Remove(order);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = NewContext();
        (await check.Orders.CountAsync(TestContext.Current.CancellationToken)).Should().Be(0);
        (await check.Orders.IncludingDeleted().SingleAsync(o => o.Id == orderId, TestContext.Current.CancellationToken))
            .DeletedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Entities_that_are_not_soft_deletable_are_really_removed()
    {
        await using (var db = NewContext())
        {
            db.Notes.Add(new Note { Text = "call back" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Notes.Remove(await db.Notes.SingleAsync(TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var check = NewContext();
        (await check.Notes.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken)).Should().Be(0);
    }

    private ShopContext NewContext() => _services.CreateScope().ServiceProvider.GetRequiredService<ShopContext>();

    private async Task<Customer> AddCustomerAsync(string name)
    {
        await using var db = NewContext();
        var customer = new Customer { Name = name, Email = $"{name.ToUpperInvariant()}@example.com" };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return customer;
    }
}

public sealed class SqliteSoftDeleteTests(SqliteTestDatabase database) : SoftDeleteTests(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresSoftDeleteTests(PostgresTestDatabase database) : SoftDeleteTests(database), IClassFixture<PostgresTestDatabase>;
