#!/usr/bin/env bash
# Writes/changes the poms for the reshaped layout (called by reshape.sh at the repository root).
set -euo pipefail
BOOT3_VERSION=$1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cp wxwork-spring-boot-autoconfigure/pom.xml wxwork-spring-boot-autoconfigure/pom.xml.orig
python3 - <<'EOF'
import re
p = 'pom.xml'; s = open(p, encoding='utf-8').read()
s = s.replace('<module>wxwork-spring-boot-autoconfigure</module>',
    '<module>wxwork-spring-boot-core</module>\n    <module>wxwork-spring-boot-autoconfigure</module>', 1)
s = re.sub(r'(\n\s*)</modules>', r'\1  <module>wxwork-spring-boot3</module>\1</modules>', s, count=1)
core = '''      <dependency>
        <groupId>dev.wxwork</groupId>
        <artifactId>wxwork-spring-boot-core</artifactId>
        <version>${project.version}</version>
      </dependency>
      <dependency>
        <groupId>dev.wxwork</groupId>
        <artifactId>wxwork-spring-boot-core</artifactId>
        <version>${project.version}</version>
        <type>test-jar</type>
      </dependency>
'''
s = s.replace('<dependencyManagement>\n    <dependencies>\n', '<dependencyManagement>\n    <dependencies>\n' + core, 1)
open(p, 'w', encoding='utf-8').write(s)

# Boot 4 autoconfigure: depends on core, compiles src/main/boot4 too, and uses core's test helpers.
p = 'wxwork-spring-boot-autoconfigure/pom.xml'; s = open(p, encoding='utf-8').read()
s = s.replace('''  <dependencies>
''', '''  <description>Spring Boot 4 auto-configuration. src/main/java is shared with the Boot 3.5 line
    (wxwork-spring-boot3-autoconfigure compiles it too); src/main/boot4 holds what only Boot 4 has.</description>

  <dependencies>
    <dependency>
      <groupId>dev.wxwork</groupId>
      <artifactId>wxwork-spring-boot-core</artifactId>
    </dependency>
''', 1)
s = s.replace('''    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>''', '''    <dependency>
      <groupId>dev.wxwork</groupId>
      <artifactId>wxwork-spring-boot-core</artifactId>
      <type>test-jar</type>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>''', 1)
s = s.replace('''    <plugins>
''', '''    <plugins>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>build-helper-maven-plugin</artifactId>
        <executions>
          <execution>
            <id>boot4-sources</id>
            <phase>generate-sources</phase>
            <goals><goal>add-source</goal></goals>
            <configuration>
              <sources><source>src/main/boot4</source></sources>
            </configuration>
          </execution>
        </executions>
      </plugin>
''', 1)
open(p, 'w', encoding='utf-8').write(s)
EOF

cat > wxwork-spring-boot-core/pom.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.wxwork</groupId>
    <artifactId>wxwork-spring-boot-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>wxwork-spring-boot-core</artifactId>
  <name>wxwork-spring-boot-core</name>
  <description>The WeCom client, callbacks and token handling on Spring Framework 6.2 or 7, without Spring Boot:
    shared by the Boot 4 and the Boot 3.5 starters</description>

@@CORE_DEPENDENCIES@@

  <build>
    <plugins>
      <!-- the test helpers (WeComStandIn, RedisServer, ...) for the wiring modules' tests -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <executions>
          <execution>
            <goals><goal>test-jar</goal></goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <executions>
          <execution>
            <id>default-testCompile</id>
            <configuration>
              <annotationProcessorPaths>
                <path>
                  <groupId>org.openjdk.jmh</groupId>
                  <artifactId>jmh-generator-annprocess</artifactId>
                  <version>${jmh.version}</version>
                </path>
              </annotationProcessorPaths>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF

mkdir -p wxwork-spring-boot3
cat > wxwork-spring-boot3/pom.xml <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <!-- The Spring Boot 3.5 line: Boot 3.5's own dependency management (Spring Framework 6.2, Jackson 2.19),
       the shared core, the shared wiring sources compiled against Boot 3.5. -->
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>${BOOT3_VERSION}</version>
    <relativePath/>
  </parent>

  <groupId>dev.wxwork</groupId>
  <artifactId>wxwork-spring-boot3-parent</artifactId>
  <version>0.1.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <name>wxwork-spring-boot3</name>

  <modules>
    <module>wxwork-spring-boot3-autoconfigure</module>
    <module>wxwork-spring-boot3-starter</module>
    <module>wxwork-spring-boot3-core-tests</module>
    <module>wxwork-spring-boot3-tests</module>
  </modules>

  <properties>
    <java.version>17</java.version>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <jmh.version>1.37</jmh.version>
    <!-- Jackson 3 as the Boot 4 line has it, relocated into wxwork-spring-boot3-autoconfigure; 2.21 is the
         jackson-annotations Jackson 3.1 needs (Boot 3.5 manages 2.19, which lacks JsonSerializeAs) -->
    <wxwork.jackson3.version>3.1.4</wxwork.jackson3.version>
    <wxwork.jackson3-annotations.version>2.21</wxwork.jackson3-annotations.version>
    <wxwork.shared>\${project.basedir}/../../wxwork-spring-boot-autoconfigure</wxwork.shared>
    <wxwork.core>\${project.basedir}/../../wxwork-spring-boot-core</wxwork.core>
  </properties>

  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.wxwork</groupId>
        <artifactId>wxwork-spring-boot-core</artifactId>
        <version>\${project.version}</version>
      </dependency>
      <dependency>
        <groupId>dev.wxwork</groupId>
        <artifactId>wxwork-spring-boot3-autoconfigure</artifactId>
        <version>\${project.version}</version>
      </dependency>
      <dependency>
        <groupId>dev.wxwork</groupId>
        <artifactId>wxwork-spring-boot3-starter</artifactId>
        <version>\${project.version}</version>
      </dependency>
      <dependency>
        <groupId>org.openjdk.jmh</groupId>
        <artifactId>jmh-core</artifactId>
        <version>\${jmh.version}</version>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-compiler-plugin</artifactId>
          <configuration>
            <release>17</release>
            <parameters>true</parameters>
          </configuration>
        </plugin>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-surefire-plugin</artifactId>
          <configuration>
            <trimStackTrace>false</trimStackTrace>
          </configuration>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF

mkdir -p wxwork-spring-boot3/wxwork-spring-boot3-autoconfigure
cat > wxwork-spring-boot3/wxwork-spring-boot3-autoconfigure/pom.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.wxwork</groupId>
    <artifactId>wxwork-spring-boot3-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>wxwork-spring-boot3-autoconfigure</artifactId>
  <name>wxwork-spring-boot3-autoconfigure</name>
  <description>Spring Boot 3.5 auto-configuration: the wiring sources of wxwork-spring-boot-autoconfigure
    (src/main/java there) compiled against Boot 3.5, plus the few files only Boot 3.5 has (src/main/java here)</description>

  <dependencies>
    <!-- core and Jackson 3 (with the annotations it needs) are inside this jar, Jackson relocated to
         dev.wxwork.shaded.jackson, so that Boot 3.5's own Jackson 2 management stays as it is; optional
         so that no module of this reactor sees them twice -->
    <dependency>
      <groupId>dev.wxwork</groupId>
      <artifactId>wxwork-spring-boot-core</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>tools.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>${wxwork.jackson3.version}</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>tools.jackson.core</groupId>
      <artifactId>jackson-core</artifactId>
      <version>${wxwork.jackson3.version}</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-annotations</artifactId>
      <version>${wxwork.jackson3-annotations.version}</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-autoconfigure</artifactId>
    </dependency>

    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-web</artifactId>
    </dependency>

    <!-- optional: used only when the application has them -->
    <dependency>
      <groupId>org.springframework.data</groupId>
      <artifactId>spring-data-redis</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-webmvc</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>jakarta.servlet</groupId>
      <artifactId>jakarta.servlet-api</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>io.micrometer</groupId>
      <artifactId>micrometer-core</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-actuator-autoconfigure</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-configuration-processor</artifactId>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-autoconfigure-processor</artifactId>
      <optional>true</optional>
    </dependency>
  </dependencies>

  <build>
    <resources>
      <resource><directory>${wxwork.shared}/src/main/resources</directory></resource>
      <resource><directory>src/main/resources</directory></resource>
    </resources>
    <plugins>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>build-helper-maven-plugin</artifactId>
        <executions>
          <execution>
            <id>shared-wiring-sources</id>
            <phase>generate-sources</phase>
            <goals><goal>add-source</goal></goals>
            <configuration>
              <sources><source>${wxwork.shared}/src/main/java</source></sources>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-shade-plugin</artifactId>
        <executions>
          <execution>
            <phase>package</phase>
            <goals><goal>shade</goal></goals>
            <configuration>
              <keepDependenciesWithProvidedScope>false</keepDependenciesWithProvidedScope>
              <dependencyReducedPomLocation>${project.build.directory}/dependency-reduced-pom.xml</dependencyReducedPomLocation>
              <artifactSet>
                <includes>
                  <include>dev.wxwork:wxwork-spring-boot-core</include>
                  <include>tools.jackson.core:*</include>
                  <include>com.fasterxml.jackson.core:jackson-annotations</include>
                </includes>
              </artifactSet>
              <relocations>
                <relocation>
                  <pattern>tools.jackson</pattern>
                  <shadedPattern>dev.wxwork.shaded.jackson</shadedPattern>
                </relocation>
                <relocation>
                  <pattern>com.fasterxml.jackson.annotation</pattern>
                  <shadedPattern>dev.wxwork.shaded.jackson.annotation</shadedPattern>
                </relocation>
              </relocations>
              <filters combine.self="override">
                <filter>
                  <artifact>*:*</artifact>
                  <excludes>
                    <exclude>module-info.class</exclude>
                    <exclude>META-INF/versions/*/module-info.class</exclude>
                    <exclude>META-INF/MANIFEST.MF</exclude>
                    <exclude>META-INF/*.SF</exclude>
                    <exclude>META-INF/*.DSA</exclude>
                    <exclude>META-INF/*.RSA</exclude>
                  </excludes>
                </filter>
              </filters>
              <transformers combine.self="override">
                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                <transformer implementation="org.apache.maven.plugins.shade.resource.ApacheLicenseResourceTransformer"/>
                <transformer implementation="org.apache.maven.plugins.shade.resource.ApacheNoticeResourceTransformer"/>
              </transformers>
            </configuration>
          </execution>
        </executions>
      </plugin>

      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <configuration>
          <annotationProcessorPaths>
            <path>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-configuration-processor</artifactId>
              <version>${spring-boot.version}</version>
            </path>
            <path>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-autoconfigure-processor</artifactId>
              <version>${spring-boot.version}</version>
            </path>
          </annotationProcessorPaths>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF

mkdir -p wxwork-spring-boot3/wxwork-spring-boot3-starter
cat > wxwork-spring-boot3/wxwork-spring-boot3-starter/pom.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.wxwork</groupId>
    <artifactId>wxwork-spring-boot3-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>wxwork-spring-boot3-starter</artifactId>
  <name>wxwork-spring-boot3-starter</name>
  <description>Add this to a Spring Boot 3.5 application to call WeCom and receive its callbacks</description>

  <dependencies>
    <dependency>
      <groupId>dev.wxwork</groupId>
      <artifactId>wxwork-spring-boot3-autoconfigure</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-web</artifactId>
    </dependency>
  </dependencies>
</project>
EOF

mkdir -p wxwork-spring-boot3/wxwork-spring-boot3-tests
cat > wxwork-spring-boot3/wxwork-spring-boot3-tests/pom.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.wxwork</groupId>
    <artifactId>wxwork-spring-boot3-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>wxwork-spring-boot3-tests</artifactId>
  <name>wxwork-spring-boot3-tests</name>
  <description>Not deployed. A Boot 3.5 application with wxwork-spring-boot3-starter and Boot 3.5's own Jackson 2
    management, driven through core's WeCom stand-ins.</description>

  <properties>
    <maven.deploy.skip>true</maven.deploy.skip>
    <maven.install.skip>true</maven.install.skip>
  </properties>

  <dependencies>
    <dependency>
      <groupId>dev.wxwork</groupId>
      <artifactId>wxwork-spring-boot3-starter</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-actuator</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-data-redis</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.openjdk.jmh</groupId>
      <artifactId>jmh-core</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>build-helper-maven-plugin</artifactId>
        <executions>
          <execution>
            <id>core-tests</id>
            <phase>generate-test-sources</phase>
            <goals><goal>add-test-source</goal></goals>
            <configuration>
              <sources><source>${wxwork.core}/src/test/java</source></sources>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <configuration>
          <testIncludes>
            <testInclude>dev/wxwork/boot3/**</testInclude>
            <testInclude>dev/wxwork/autoconfigure/**</testInclude>
            <testInclude>dev/wxwork/testing/WeComStandIn.java</testInclude>
            <testInclude>dev/wxwork/testing/WeComCallbackSender.java</testInclude>
          </testIncludes>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF

mkdir -p wxwork-spring-boot3/wxwork-spring-boot3-core-tests
cat > wxwork-spring-boot3/wxwork-spring-boot3-core-tests/pom.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.wxwork</groupId>
    <artifactId>wxwork-spring-boot3-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>wxwork-spring-boot3-core-tests</artifactId>
  <name>wxwork-spring-boot3-core-tests</name>
  <description>Not deployed. Runs core's own tests on Boot 3.5's dependencies (Spring Framework 6.2, Spring Data
    Redis 3.5, Micrometer 1.15), with the Jackson 3 and annotations that wxwork-spring-boot3-autoconfigure holds.</description>

  <properties>
    <maven.deploy.skip>true</maven.deploy.skip>
    <maven.install.skip>true</maven.install.skip>
  </properties>

  <dependencies>
    <dependency>
      <groupId>dev.wxwork</groupId>
      <artifactId>wxwork-spring-boot-core</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>tools.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>${wxwork.jackson3.version}</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>tools.jackson.core</groupId>
      <artifactId>jackson-core</artifactId>
      <version>${wxwork.jackson3.version}</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-annotations</artifactId>
      <version>${wxwork.jackson3-annotations.version}</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-data-redis</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.openjdk.jmh</groupId>
      <artifactId>jmh-core</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <!-- core's tests read files relative to core's directory (e.g. ../README.md for the snippets) -->
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <configuration>
          <workingDirectory>${wxwork.core}</workingDirectory>
          <reportsDirectory>${project.build.directory}/surefire-reports</reportsDirectory>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.codehaus.mojo</groupId>
        <artifactId>build-helper-maven-plugin</artifactId>
        <executions>
          <execution>
            <id>core-tests</id>
            <phase>generate-test-sources</phase>
            <goals><goal>add-test-source</goal></goals>
            <configuration>
              <sources><source>${wxwork.core}/src/test/java</source></sources>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
python3 "$HERE/core_deps.py" wxwork-spring-boot-autoconfigure/pom.xml.orig wxwork-spring-boot-core/pom.xml \
	wxwork-spring-boot3/wxwork-spring-boot3-core-tests/pom.xml
rm wxwork-spring-boot-autoconfigure/pom.xml.orig
