using System.Security.Claims;
using FluentAssertions;
using LowCodeErp.Data.Users;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Messaging.Tests.Data;

public sealed class CurrentUserTests
{
    [Fact]
    public void Reads_sub_and_name_from_the_token_claims()
    {
        var user = For(new ClaimsIdentity([new Claim("sub", "u-1"), new Claim("name", "Ada")], "Bearer"));

        user.Id.Should().Be("u-1");
        user.Name.Should().Be("Ada");
    }

    [Fact]
    public void Reads_the_claims_JwtBearer_maps_sub_and_name_to()
    {
        var user = For(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u-2"), new Claim(ClaimTypes.Name, "Bob")], "Bearer"));

        user.Id.Should().Be("u-2");
        user.Name.Should().Be("Bob");
    }

    [Fact]
    public void Is_nobody_without_a_request_or_when_not_authenticated()
    {
        new HttpContextCurrentUser(new HttpContextAccessor()).Id.Should().BeNull();
        var anonymous = For(new ClaimsIdentity([new Claim("sub", "u-3")])); // no authentication type: not signed in
        anonymous.Id.Should().BeNull();
        anonymous.Name.Should().BeNull();
    }

    private static HttpContextCurrentUser For(ClaimsIdentity identity) =>
        new(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) } });
}
