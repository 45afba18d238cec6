// requiresProject=false: the goal runs in a folder without a pom, on an acpidump file.
assert !new File(basedir, 'pom.xml').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Maven Stub Project (No POM)')
assert log.contains('xenacpi: hostile.acpidump.txt: 8 tables')
def html = new File(basedir, 'target/xenacpi/index.html')
assert html.isFile()
assert log.contains('report at ' + html.canonicalPath)
