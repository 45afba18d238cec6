// With the site plugin Maven 3.8 picks by default (3.3), the report fails with a message naming the version it needs,
// not a linkage error from deep inside the site plugin.
def log = new File(basedir, 'build.log').text
assert log.contains('the report needs maven-site-plugin 3.12.1 or later')
