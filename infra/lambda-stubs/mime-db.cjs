/**
 * Stand-in for mime-db (~150 KB of JSON) in the Lambda bundles: only Express's static-file serving
 * looks types up, and the Lambdas never serve files. mime-types then knows no types, which nothing
 * here asks it for.
 */
module.exports = {};
