package dev.revcycle.archbad.domain;

/** Breaks domainIsPlainJava: Kafka in the domain. */
public class PublishesToKafka {
    public Object event() {
        return new org.apache.kafka.clients.producer.ProducerRecord<String, String>("topic", "value");
    }
}
