// A platform that passes: the build succeeds and every format is written.
def log = new File(basedir, 'build.log').text
assert log.contains('xenacpi: good: 10 tables, 0 errors')
assert log.contains('BUILD SUCCESS')
def dir = new File(basedir, 'target/xenacpi')
['index.html', 'report.json', 'report.sarif', 'junit.xml'].each { assert new File(dir, it).isFile() : it }
assert log.contains('xenacpi: report of 1 platform at ' + new File(dir, 'index.html').canonicalPath)
