// -T 4 writes the same reports as -T 1 (the generated timestamp aside).
import groovy.json.JsonSlurper
def modules = ['alpha', 'beta', 'gamma', 'delta']
modules.each { m ->
    def one = new JsonSlurper().parse(new File(basedir, m + '/target/t1/report.json'))
    def four = new JsonSlurper().parse(new File(basedir, m + '/target/t4/report.json'))
    one.remove('generated')
    four.remove('generated')
    assert one == four : m
    assert one.platforms.size() == 2
}
return true
